package org.hamlab.dsl.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hamlab.engine.data.Trajectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrajectoryCsvTest {
  @TempDir Path dir;

  private static Trajectories sample(int dof, int count, int points) {
    var r = new java.util.SplittableRandom(1);
    double[] s = new double[points * 2 * dof * count];
    for (int i = 0; i < s.length; i++) s[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-8, 8));
    return new Trajectories(dof, count, points, 0.01, s, null);
  }

  @Test
  void roundTripIsExact() {
    for (int dof : new int[] {1, 2}) {
      Trajectories t = sample(dof, 5, 9);
      Path p = TrajectoryCsv.write(t, dir.resolve("t" + dof + ".csv"));
      Trajectories back = TrajectoryCsv.read(p);
      assertEquals(t.dof(), back.dof());
      assertEquals(t.count(), back.count());
      assertEquals(t.points(), back.points());
      assertEquals(t.dt(), back.dt(), 1e-15);
      assertArrayEquals(t.states(), back.states());
    }
  }

  @Test
  void headerNamesTheColumns() throws Exception {
    Path p = TrajectoryCsv.write(sample(2, 1, 2), dir.resolve("h.csv"));
    assertEquals("trajectory,t,q1,q2,p1,p2", Files.readAllLines(p).get(0));
    assertEquals(List.of("trajectory", "t", "q", "p"), TrajectoryCsv.header(1));
  }

  private CsvFormatException bad(String text) throws Exception {
    Path p = dir.resolve("bad.csv");
    Files.writeString(p, text);
    return assertThrows(CsvFormatException.class, () -> TrajectoryCsv.read(p));
  }

  private static void hasProblemAt(CsvFormatException e, int line, String words) {
    assertTrue(e.problems().stream().anyMatch(pr -> pr.line() == line && pr.message().contains(words)),
        "expected a problem at line " + line + " mentioning '" + words + "' in:\n" + e.getMessage());
    assertTrue(e.getMessage().contains("line " + line), e.getMessage());
  }

  @Test
  void everyBadLineIsReportedWithItsNumber() throws Exception {
    var e = bad("""
        trajectory,t,q,p
        0,0.00,1.0,0.5
        0,0.01,1.1,0.4
        0,0.02,oops,0.3
        1,0.00,0.0
        1,0.01,0.2,
        1,0.02,0.3,0.1
        """);
    hasProblemAt(e, 4, "not a finite number");
    hasProblemAt(e, 5, "fields");
    hasProblemAt(e, 6, "missing");
    assertEquals(3, e.problems().size(), e.getMessage());
  }

  @Test
  void missingRowsAndIrregularTimesAreReported() throws Exception {
    var e = bad("""
        trajectory,t,q,p
        0,0.00,1.0,0.5
        0,0.01,1.1,0.4
        0,0.02,1.2,0.3
        1,0.00,0.0,0.1
        1,0.02,0.2,0.2
        1,0.03,0.3,0.1
        2,0.00,0.0,0.1
        2,0.01,0.2,0.2
        """);
    hasProblemAt(e, 6, "irregular time");
    hasProblemAt(e, 8, "has 2 points");
  }

  @Test
  void interleavedTrajectoriesAndBadHeadersAreRefused() throws Exception {
    hasProblemAt(bad("trajectory,t,q,p\n0,0,1,1\n1,0,1,1\n0,0.01,1,1\n1,0.01,1,1\n"), 4, "continues here");
    hasProblemAt(bad("id,time,x,y\n0,0,1,1\n"), 1, "expected 'trajectory'");
    hasProblemAt(bad("trajectory,t,q\n0,0,1\n"), 1, "header must be");
    assertTrue(bad("").getMessage().contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> TrajectoryCsv.read(dir.resolve("nope.csv")));
  }
}

package org.hamlab.spark;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.sweep.RunResult;
import org.hamlab.dsl.sweep.Sweep;
import org.hamlab.dsl.sweep.SweepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same sweep in-process and on Spark gives bitwise the same models (distributed.md §10). */
class SparkSweepTest {
  static Sweep tinySweep() {
    Model base = train(system("double-well").trajectories(64)).epochs(2).batch(32).widths(6, 6);
    return sweep(base).over("lr", 3e-3, 1e-2).seeds(4);
  }

  @BeforeAll
  static void quietAndLoopback() {
    quiet();
    assertEquals("127.0.0.1", System.getenv("SPARK_LOCAL_IP"), "tests keep Spark on loopback");
  }

  @AfterAll
  static void stopSpark() {
    SparkSweepRunner.stop();
  }

  @Test
  void localModeEqualsInProcessBitwise() {
    SweepResult here = tinySweep().run();
    SweepResult spark = tinySweep().on("local[2]").run();
    assertEquals(8, spark.results().size());
    for (int i = 0; i < 8; i++) {
      RunResult a = here.result(i), b = spark.result(i);
      assertEquals("ok", b.status(), b.error());
      assertEquals(a.spec().id(), b.spec().id());
      assertEquals(a.modelSha256(), b.modelSha256(), "run " + i);
      assertEquals(a.finalLoss(), b.finalLoss(), 0.0);
      assertEquals(a.hError(), b.hError(), 0.0);
    }
    // the model sent back as JSON reads into the same parameters
    assertArrayEquals(RunOptions.parameters(here.model(3)), RunOptions.parameters(spark.model(3)));
  }

  @Test
  void failingRunOnSparkIsRecordedAndOthersFinish() {
    SweepResult r = tinySweep().over("dt", 0.01, 50.0).on("local[2]").run();
    long diverged = r.results().stream().filter(x -> x.status().equals("diverged")).count();
    assertEquals(8, diverged, "every dt = 50 run diverges");
    assertEquals(8, r.results().stream().filter(RunResult::ok).count());
  }

  /**
   * Two executor JVMs (local-cluster) on the JDK given with javaHome (this one under another path,
   * hard-linked): runs spread over both, ran on that JDK, and still equal the in-process ones.
   */
  @Test
  @Tag("slow")
  void localClusterUsesTwoJvmsOnTheGivenJdkAndEqualsInProcess(@TempDir Path tmp) throws IOException {
    Path jdk = linkedCopy(Path.of(System.getProperty("java.home")), tmp.resolve("jdk-copy"));
    SweepResult here = tinySweep().run();
    SweepResult spark = tinySweep().on("local-cluster[2,1,1024]").javaHome(jdk.toString()).run();
    for (RunResult r : spark.results()) {
      assertTrue(r.java().endsWith(" " + jdk), "executor java.home should be the javaHome given: " + r.java());
    }
    long pids = spark.results().stream().mapToLong(RunResult::pid).distinct().count();
    assertTrue(pids >= 1, "executor pids: " + pids);
    assertTrue(spark.results().stream().noneMatch(x -> x.pid() == ProcessHandle.current().pid()),
        "runs ran outside the driver JVM");
    for (int i = 0; i < 8; i++) {
      assertEquals("ok", spark.result(i).status(), spark.result(i).error());
      assertEquals(here.result(i).modelSha256(), spark.result(i).modelSha256(), "run " + i);
    }
    System.out.println("local-cluster executor pids: " + spark.results().stream().map(RunResult::pid).distinct().toList());
  }

  /** A copy of the folder {@code from} made of hard links (instant on one file system), symbolic links kept. */
  static Path linkedCopy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(q, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          try {
            Files.createLink(q, p);
          } catch (IOException | UnsupportedOperationException crossDevice) {
            Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
    }
    return to;
  }
}

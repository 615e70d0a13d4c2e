package org.hamlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.HenonHeiles;
import org.junit.jupiter.api.Test;

class TrajectoryGeneratorTest {

  @Test
  void paperDefaults() {
    var dw = TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 1);
    assertEquals(16384, dw.count());
    assertEquals(2001, dw.points());
    assertEquals(0.01, dw.dt());
    assertEquals(0.01, dw.noise());
    assertEquals("implicit-midpoint", dw.integrator().name());
    assertEquals(1001, TrajectorySpec.paper(new CoupledOscillator(), Split.VALIDATION, 1).points());
    assertEquals(8192, TrajectorySpec.paper(new CoupledOscillator(), Split.VALIDATION, 1).count());
    var hh = TrajectorySpec.paper(new HenonHeiles(), Split.TEST, 1);
    assertEquals(501, hh.points());
    assertEquals(1024, hh.count());
    assertArrayEquals(new double[] {-0.3, -0.3, -0.3, -0.3}, hh.initial().lo());
    assertArrayEquals(new double[] {2, 2}, dw.initial().hi());
    assertEquals(5.0, hh.horizon(), 1e-12);
    assertEquals(301, dw.withHorizon(3).points());
  }

  @Test
  void cleanStatesAreTheGroundTruthRolloutFromTheBox() {
    var spec = TrajectorySpec.paper(new HenonHeiles(), Split.TEST, 7).withCount(300).withPoints(21);
    Trajectories t = TrajectoryGenerator.generate(spec);
    int n = spec.count(), dim = 4;
    double[] z0 = new double[dim * n];
    for (int k = 0; k < dim; k++) {
      for (int b = 0; b < n; b++) {
        double v = t.clean()[t.index(0, k, b)];
        assertTrue(v >= -0.3 && v <= 0.3, "initial state inside the box");
        z0[k * n + b] = v;
      }
    }
    assertArrayEquals(Rollout.run(new HenonHeiles(), new ImplicitMidpoint(), 0.01, 20, z0, n), t.clean(), 0.0);
  }

  @Test
  void noiseHasTheRequestedSigmaAndSparesTheFirstPoint() {
    double sigma = 0.05;
    var spec = TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 11).withCount(2000).withPoints(101).withNoise(sigma);
    Trajectories t = TrajectoryGenerator.generate(spec);
    int n = spec.count(), dim = 2;
    for (int k = 0; k < dim; k++) {
      for (int b = 0; b < n; b++) assertEquals(t.clean()[t.index(0, k, b)], t.states()[t.index(0, k, b)], 0.0);
    }
    double sum = 0, sumSq = 0, lag = 0;
    long m = 0;
    for (int s = 1; s < spec.points(); s++) {
      for (int k = 0; k < dim; k++) {
        for (int b = 0; b < n; b++) {
          double e = t.states()[t.index(s, k, b)] - t.clean()[t.index(s, k, b)];
          sum += e;
          sumSq += e * e;
          if (b > 0) lag += e * (t.states()[t.index(s, k, b - 1)] - t.clean()[t.index(s, k, b - 1)]);
          m++;
        }
      }
    }
    double mean = sum / m, sd = Math.sqrt(sumSq / m - mean * mean);
    // m = 400 000 draws: the standard error of the sd is σ/√(2m) ≈ 0.11 % of σ
    assertEquals(sigma, sd, 0.01 * sigma, "sample sd");
    assertEquals(0, mean, 5 * sigma / Math.sqrt(m), "sample mean");
    assertEquals(0, lag / m / (sigma * sigma), 0.02, "neighbouring trajectories are uncorrelated");
  }

  @Test
  void noiseFreeDataIsAllowed() {
    var t = TrajectoryGenerator.generate(TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 3)
        .withCount(10).withPoints(5).withNoise(0));
    assertSame(t.clean(), t.states());
  }

  @Test
  void seedsAndSplitsSelectTheDraws() {
    var spec = TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 5).withCount(50).withPoints(3);
    var a = TrajectoryGenerator.generate(spec);
    assertArrayEquals(a.states(), TrajectoryGenerator.generate(spec).states(), 0.0, "same seed, same data");
    assertFalse(java.util.Arrays.equals(a.states(), TrajectoryGenerator.generate(spec.withSeed(6)).states()));
    assertFalse(java.util.Arrays.equals(a.clean(), TrajectoryGenerator.generate(spec.withSplit(Split.TEST)).clean()));
    // a prefix of the trajectories does not depend on how many are generated
    var fewer = TrajectoryGenerator.generate(spec.withCount(20));
    assertArrayEquals(fewer.states(), a.range(0, 20).states(), 0.0);
  }

  /** This JVM runs Tiles.threads() threads; a forked JVM runs a different count and must agree bitwise. */
  @Test
  void sameResultOnOneThreadAndOnSeveral() throws IOException, InterruptedException {
    String here = DataGenerationFork.checksum(TrajectoryGenerator.generate(DataGenerationFork.spec()));
    int threads = org.hamlab.engine.parallel.Tiles.threads() == 1 ? 3 : 1;
    String out = fork(threads);
    assertTrue(out.contains("threads=" + threads), out);
    assertTrue(out.contains("checksum=" + here), "hamlab.threads=" + threads + ": " + out + " vs " + here
        + " with " + org.hamlab.engine.parallel.Tiles.threads() + " threads");
  }

  @Test
  void rk4GroundTruthAgreesWithImplicitMidpoint() {
    var spec = TrajectorySpec.paper(new DoubleWell(), Split.TEST, 9).withCount(40).withPoints(101).withNoise(0);
    var im = TrajectoryGenerator.generate(spec);
    var rk = TrajectoryGenerator.generate(spec.withRungeKutta4(4));
    double max = 0;
    for (int i = 0; i < im.clean().length; i++) max = Math.max(max, Math.abs(im.clean()[i] - rk.clean()[i]));
    // implicit midpoint's global error at T = 1, h = 0.01 is O(h²): ≈ 2e-4 for |q|, |p| ≤ 2;
    // RK4 with 4 sub-steps is ~1e-10, so the difference is the midpoint's error
    assertTrue(max < 1e-3 && max > 1e-6, "max |im − rk4| " + max);
  }

  @Test
  void authorsProcedureStaysWithinFloatResolutionOfTheConvergedData() {
    var spec = TrajectorySpec.paper(new CoupledOscillator(), Split.TEST, 4).withCount(30).withPoints(201).withNoise(0);
    var exact = TrajectoryGenerator.generate(spec);
    var authors = TrajectoryGenerator.generate(spec.withAuthorsProcedure());
    double max = 0;
    for (int i = 0; i < exact.clean().length; i++) max = Math.max(max, Math.abs(exact.clean()[i] - authors.clean()[i]));
    assertTrue(max > 1e-9 && max < 1e-5, "float32 procedure vs converged: " + max);
  }

  @Test
  void specRefusesNonsense() {
    var spec = TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 1);
    assertThrows(IllegalArgumentException.class, () -> spec.withNoise(-1));
    assertThrows(IllegalArgumentException.class, () -> spec.withCount(0));
    assertThrows(IllegalArgumentException.class, () -> spec.withDt(0));
    var e = assertThrows(IllegalArgumentException.class,
        () -> spec.withInitial(InitialConditions.cube(new HenonHeiles(), -1, 1)));
    assertTrue(e.getMessage().contains("state dimension 2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new InitialConditions(new double[] {1, 0}, new double[] {0, 1}));
  }

  private static String fork(int threads) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Dhamlab.threads=" + threads,
        "-cp", System.getProperty("java.class.path"), DataGenerationFork.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}

package org.hamlab.engine.metric;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.ToDoubleFunction;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.TestSetSpec;
import org.hamlab.engine.data.TestSets;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.HenonHeiles;
import org.junit.jupiter.api.Test;

class HamiltonianErrorTest {

  /** truth + f(point), value only (the metric never asks for derivatives). */
  static Hamiltonian plus(Hamiltonian truth, ToDoubleFunction<double[]> f) {
    return new Hamiltonian() {
      @Override
      public String name() {
        return truth.name() + " + f";
      }

      @Override
      public int dof() {
        return truth.dof();
      }

      @Override
      public void value(double[] z, int n, double[] out) {
        truth.value(z, n, out);
        double[] point = new double[dim()];
        for (int b = 0; b < n; b++) {
          for (int k = 0; k < point.length; k++) point[k] = z[k * n + b];
          out[b] += f.applyAsDouble(point);
        }
      }

      @Override
      public void gradient(double[] z, int n, double[] out) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void hessianVector(double[] z, double[] v, int n, double[] out) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void aConstantShiftIsRemovedAndGivesZeroError() {
    Hamiltonian truth = new DoubleWell();
    for (TestSet set : TestSets.paper(truth, 1)) {
      HamiltonianError e = HamiltonianError.compute(plus(truth, z -> -8.18), truth, set);
      // (H + c) − H differs from c only by the rounding of the sum: a few ulps of |c| + |H|
      assertEquals(-8.18, e.offset(), 1e-13, set.name());
      assertEquals(0.0, e.mean(), 1e-13, set.name());
      assertEquals(0.0, e.sem(), 1e-14, set.name());
      assertEquals(set.count(), e.n());
    }
    // exactly representable: H and c on a dyadic grid, so every difference is exactly c
    double[] z = {0.5, -1.0, 0.25, 2.0, 0.0, 1.5, -0.5, 1.0};
    HamiltonianError exact = HamiltonianError.compute(plus(truth, p -> 4.0), truth, z, 4);
    assertEquals(4.0, exact.offset());
    assertEquals(0.0, exact.mean());
    assertEquals(0.0, exact.sem());
  }

  @Test
  void aKnownFunctionOnTheGridGivesItsKnownMean() {
    Hamiltonian truth = new DoubleWell();
    TestSet grid = TestSets.grid(TestSetSpec.phasePlane());
    // f = q + 3: offset 3 (the grid is symmetric), e = |q|; mean |x| over linspace(-2, 2, 30) is
    // 2·(2/29)(1 + 3 + … + 29)/30 = 30/29
    HamiltonianError e = HamiltonianError.compute(plus(truth, z -> z[0] + 3), truth, grid);
    assertEquals(3.0, e.offset(), 1e-13);
    assertEquals(30.0 / 29, e.mean(), 1e-13);
    for (int b = 0; b < grid.count(); b++)
      assertEquals(Math.abs(grid.x(b)), e.error(b), 1e-13, "point " + b);
  }

  @Test
  void semIsTheSampleStdWithNMinusOneOverRootN() {
    Hamiltonian truth = new DoubleWell();
    TestSet grid = TestSets.grid(TestSetSpec.phasePlane());
    HamiltonianError e =
        HamiltonianError.compute(plus(truth, z -> z[0] * z[1] + 0.3 * z[1] * z[1]), truth, grid);
    // direct computation, independent of the metric's tiled sums
    int n = grid.count();
    double[] d = new double[n];
    double c = 0;
    for (int b = 0; b < n; b++) {
      double q = grid.x(b), p = grid.y(b);
      d[b] = q * p + 0.3 * p * p;
      c += d[b];
    }
    c /= n;
    double mean = 0;
    for (int b = 0; b < n; b++) mean += Math.abs(d[b] - c);
    mean /= n;
    double ss = 0;
    for (int b = 0; b < n; b++) ss += Math.pow(Math.abs(d[b] - c) - mean, 2);
    double std = Math.sqrt(ss / (n - 1));
    assertEquals(c, e.offset(), 1e-13);
    assertEquals(mean, e.mean(), 1e-13);
    assertEquals(std, e.std(), 1e-12);
    assertEquals(std / Math.sqrt(900), e.sem(), 1e-13, "SEM divides by √900 on the 30×30 grid");
    // the authors' grid SEM divides by √30 (paper.md §8.1): √30 times larger
    assertEquals(Math.sqrt(30) * e.sem(), e.semDividedBy(30), 1e-13);
  }

  @Test
  void uniformAndGaussianSetsGiveTheExpectedAbsoluteMoment() {
    Hamiltonian truth = new DoubleWell();
    TestSetSpec spec = TestSetSpec.phasePlane().withSeed(2);
    // f = q: e ≈ |q − mean q|; |q| ~ U[0, 2] for U[-2, 2] (mean 1, sd √(1/3)); E|q| = √(2/π) for
    // N(0, 1)
    HamiltonianError u =
        HamiltonianError.compute(plus(truth, z -> z[0]), truth, TestSets.uniform(spec));
    assertEquals(1.0, u.mean(), 5 * Math.sqrt(1.0 / 3 / u.n()));
    assertEquals(Math.sqrt(1.0 / 3), u.std(), 0.01);
    assertEquals(0.0, u.offset(), 5 * Math.sqrt(4.0 / 3 / u.n()));
    HamiltonianError g =
        HamiltonianError.compute(plus(truth, z -> z[0]), truth, TestSets.gaussian(spec));
    double sdAbs = Math.sqrt(1 - 2 / Math.PI);
    assertEquals(Math.sqrt(2 / Math.PI), g.mean(), 5 * sdAbs / Math.sqrt(g.n()));
    assertEquals(sdAbs / Math.sqrt(g.n()), g.sem(), 0.02 * sdAbs / Math.sqrt(g.n()));
  }

  @Test
  void theOffsetIsRecomputedPerSet() {
    Hamiltonian truth = new HenonHeiles();
    // f = p_y on a box shifted to [0, 1]²: the grid's offset is the grid mean 0.5, the centred
    // Gaussian set's is ≈ 0, so each set gets its own offset
    TestSetSpec spec = TestSetSpec.henonHeilesSlice().withBox(0, 1);
    HamiltonianError grid =
        HamiltonianError.compute(plus(truth, z -> z[3]), truth, TestSets.grid(spec));
    assertEquals(0.5, grid.offset(), 1e-13, "mean p_y over linspace(0, 1, 30)");
    HamiltonianError gauss =
        HamiltonianError.compute(plus(truth, z -> z[3]), truth, TestSets.gaussian(spec));
    assertEquals(0.0, gauss.offset(), 5 * 0.5 / Math.sqrt(gauss.n()));
  }

  /**
   * The same result on the engine's threads and on one thread: a call made from inside a Tiles task
   * runs its own tiles serially (Tiles' nesting rule), so both paths run in one JVM.
   */
  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    Hamiltonian truth = new DoubleWell();
    Hamiltonian learned = plus(truth, z -> Math.sin(3 * z[0]) * z[1] - 8.18);
    TestSet set = TestSets.uniform(TestSetSpec.phasePlane().withSeed(4));
    HamiltonianError parallel = HamiltonianError.compute(learned, truth, set);
    HamiltonianError[] serial = new HamiltonianError[1];
    Tiles.forEach(
        2,
        1,
        (tile, from, to) -> {
          if (tile == 0) serial[0] = HamiltonianError.compute(learned, truth, set);
        });
    assumeTrue(Tiles.threads() > 1, "needs ≥ 2 engine threads");
    assertEquals(parallel, serial[0], "bitwise equal, errors included");
  }

  @Test
  void mismatchedDimensionsAndNonFiniteValuesAreRefused() {
    Hamiltonian truth = new DoubleWell();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> HamiltonianError.compute(new HenonHeiles(), truth, new double[8], 4));
    assertTrue(e.getMessage().contains("state dimension"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HamiltonianError.compute(
                    truth, new HenonHeiles(), TestSets.grid(TestSetSpec.phasePlane())));
    assertTrue(e.getMessage().contains("forSystem"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HamiltonianError.compute(
                    plus(truth, z -> z[0] > 1 ? Double.NaN : 0),
                    truth,
                    TestSets.grid(TestSetSpec.phasePlane())));
    assertTrue(
        e.getMessage().contains("not finite") && e.getMessage().contains("learned"),
        e.getMessage());
  }
}

package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.HenonHeiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input fails fast with a message that names the problem. */
class BadInputTest {

  static java.util.List<Integrator> integrators() {
    return Integrators.all();
  }

  static void assertMessage(Throwable e, String... parts) {
    for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing from: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void stepRefusesBadStepSizesAndShortArrays(Integrator i) {
    var dw = new DoubleWell();
    for (double h : new double[] {0, -0.01, Double.NaN, Double.POSITIVE_INFINITY}) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> i.step(dw, h, new double[4 * i.stateDim(dw)], 4, i.workspace(dw, 4)));
      assertMessage(e, "step size h", String.valueOf(h));
    }
    var e = assertThrows(IllegalArgumentException.class,
        () -> i.step(dw, 0.01, new double[3], 4, i.workspace(dw, 4)));
    assertMessage(e, "4 rows need");
    var w = assertThrows(IllegalArgumentException.class,
        () -> i.step(dw, 0.01, new double[8 * i.stateDim(dw)], 8, i.workspace(dw, 4)));
    assertMessage(w, "workspace");
  }

  @Test
  void rolloutRefusesNaNStateWrongDimensionAndBadH() {
    var im = new ImplicitMidpoint();
    var dw = new DoubleWell();
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(dw, im, 0.01, 10, new double[] {1, 2, Double.NaN, 0}, 2)), "row 0", "not finite");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(new HenonHeiles(), im, 0.01, 10, new double[] {1, 2}, 1)), "state dimension 4");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(dw, im, -0.01, 10, new double[] {1, 2}, 1)), "step size h");
    assertMessage(assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(dw, im, Double.NaN, 10, new double[] {1, 2}, 1)), "step size h");
  }

  @Test
  void leapfrogRefusesNonSeparableHamiltonians() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Rollout.run(new CoupledOscillator(), new Leapfrog(), 0.01, 10, new double[] {1, 0.5}, 1));
    assertMessage(e, "separable", "coupled-oscillator", "generalized-stormer-verlet");
  }

  @Test
  void settingsRefuseNonsense() {
    assertThrows(IllegalArgumentException.class, () -> ImplicitMidpoint.faithful(0, true));
    assertThrows(IllegalArgumentException.class, () -> new RungeKutta4(0));
    assertThrows(IllegalArgumentException.class, () -> new Tao(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new AuthorsStormerVerlet(-1));
    assertThrows(IllegalArgumentException.class, () -> ImplicitSolve.defaults().withTolerance(0));
  }

  @Test
  void divergenceIsReportedAsNonFinite() {
    // row 0 sits at the equilibrium (1, 0); row 1 blows up under RK4 at a huge step
    var e = assertThrows(SolveException.class,
        () -> Rollout.run(new DoubleWell(), new RungeKutta4(), 5.0, 50, new double[] {1, 3, 0, 0.1}, 2));
    assertMessage(e, "NaN or infinite", "batch row 1", "smaller step h");
  }
}

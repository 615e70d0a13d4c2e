package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.testing.Oscillator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The measured order (log-log slope of the global error at T = 1) equals {@code order()}. */
class ConvergenceOrderTest {

  /** Every registry entry; the float32 faithful entry is measured in double (float rounding would hide the slope). */
  static List<Integrator> integrators() {
    List<Integrator> all = new ArrayList<>();
    for (Integrator i : Integrators.all()) {
      all.add(i instanceof ImplicitMidpoint im && im.faithful() != null ? ImplicitMidpoint.faithful(6, false) : i);
    }
    all.add(new RungeKutta4(3));
    return all;
  }

  /** All but leapfrog, which refuses non-separable H (BadInputTest). */
  static List<Integrator> nonSeparableIntegrators() {
    return integrators().stream().filter(i -> !(i instanceof Leapfrog)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void slopeMatchesOrder(Integrator integrator) {
    var osc = new Oscillator(1.0);
    assertSlope(integrator, osc, (q, p) -> osc.exact(q, p, 1.0));
  }

  /** The non-separable coupled oscillator: y' = A y, A = [[α, 1], [−1, −α]], A² = −ω² I, ω² = 1 − α². */
  @ParameterizedTest(name = "{0}")
  @MethodSource("nonSeparableIntegrators")
  void slopeMatchesOrderForNonSeparableH(Integrator integrator) {
    double a = 0.5, w = Math.sqrt(1 - a * a), c = Math.cos(w), s = Math.sin(w) / w;
    // exp(A t) = cos(ωt) I + sin(ωt)/ω A at t = 1
    assertSlope(integrator, new CoupledOscillator(a),
        (q, p) -> new double[] {c * q + s * (a * q + p), c * p + s * (-q - a * p)});
  }

  static void assertSlope(Integrator integrator, Hamiltonian sys, BiFunction<Double, Double, double[]> exactAtOne) {
    double[] hs = {0.1, 0.05, 0.025};
    double[] err = new double[hs.length];
    double q0 = 0.8, p0 = -0.3;
    double[] exact = exactAtOne.apply(q0, p0);
    for (int i = 0; i < hs.length; i++) {
      int steps = (int) Math.round(1.0 / hs[i]);
      double[] t = Rollout.run(sys, integrator, hs[i], steps, new double[] {q0, p0}, 1);
      err[i] = Math.hypot(t[2 * steps] - exact[0], t[2 * steps + 1] - exact[1]);
    }
    // least-squares slope of log(err) against log(h)
    double mx = 0, my = 0;
    for (int i = 0; i < hs.length; i++) {
      mx += Math.log(hs[i]) / hs.length;
      my += Math.log(err[i]) / hs.length;
    }
    double sxy = 0, sxx = 0;
    for (int i = 0; i < hs.length; i++) {
      sxy += (Math.log(hs[i]) - mx) * (Math.log(err[i]) - my);
      sxx += (Math.log(hs[i]) - mx) * (Math.log(hs[i]) - mx);
    }
    double slope = sxy / sxx;
    assertEquals(integrator.order(), slope, 0.15,
        integrator.name() + " on " + sys.name() + ": errors " + java.util.Arrays.toString(err) + ", slope " + slope);
  }
}

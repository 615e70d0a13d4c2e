package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("integrators")
  void slopeMatchesOrder(Integrator integrator) {
    var osc = new Oscillator(1.0);
    double[] hs = {0.1, 0.05, 0.025};
    double[] err = new double[hs.length];
    double q0 = 0.8, p0 = -0.3;
    for (int i = 0; i < hs.length; i++) {
      int steps = (int) Math.round(1.0 / hs[i]);
      double[] t = Rollout.run(osc, integrator, hs[i], steps, new double[] {q0, p0}, 1);
      double[] exact = osc.exact(q0, p0, steps * hs[i]);
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
        integrator.name() + ": errors " + java.util.Arrays.toString(err) + ", slope " + slope);
  }
}

package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.testing.Oscillator;
import org.hamlab.engine.testing.ScaledCoupledOscillator;
import org.junit.jupiter.api.Test;

/** Newton takes over where fixed-point sweeps diverge, in every implicit integrator. */
class StiffFallbackTest {
  static final ImplicitSolve NONE = ImplicitSolve.defaults().withFallback(ImplicitSolve.Fallback.NONE);

  @Test
  void gaussLegendreOnAStiffRotationKeepsTheNorm() {
    var osc = new Oscillator(300); // hω = 3
    double[] z = {1, 0.5};
    var gl = new GaussLegendre();
    assertTrue(gl.step(osc, 0.01, z, 1, gl.workspace(osc, 1)).ok());
    // Gauss methods preserve quadratic invariants: the (2,2) Padé map of a rotation is a rotation
    assertEquals(1.25, z[0] * z[0] + z[1] * z[1], 1e-13);
    double[] w = {1, 0.5};
    assertFalse(new GaussLegendre(NONE).step(osc, 0.01, w, 1, gl.workspace(osc, 1)).ok());
  }

  @Test
  void generalizedSvSolvesStiffNonSeparableEquations() {
    double om = 1000, a = 0.5, h = 0.01, q = 1, p = 0.5, c = 0.5 * h * om; // contraction c·α = 2.5
    var s = new ScaledCoupledOscillator(om, a);
    double[] z = {q, p};
    var gsv = new GeneralizedStormerVerlet();
    StepStatus st = gsv.step(s, h, z, 1, gsv.workspace(s, 1));
    assertTrue(st.ok(), st.toString());
    double ph = (p - c * q) / (1 + c * a);
    double q1 = (q + c * (2 * ph + a * q)) / (1 - c * a);
    double p1 = ph - c * (q1 + a * ph);
    assertEquals(q1, z[0], 1e-12 * Math.abs(q1));
    assertEquals(p1, z[1], 1e-12 * Math.abs(p1));
    double[] w = {q, p};
    assertFalse(new GeneralizedStormerVerlet(NONE).step(s, h, w, 1, gsv.workspace(s, 1)).ok());
  }
}

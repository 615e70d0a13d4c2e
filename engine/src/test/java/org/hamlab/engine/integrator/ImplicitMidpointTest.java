package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.testing.Oscillator;
import org.hamlab.engine.testing.StiffQuartic;
import org.junit.jupiter.api.Test;

class ImplicitMidpointTest {
  static final ImplicitSolve NO_FALLBACK = ImplicitSolve.defaults().withFallback(ImplicitSolve.Fallback.NONE);

  /** max over rows of |y1 − y0 − h J∇H((y0 + y1)/2)| / max(1, |y1|): the implicit equation itself. */
  static double equationResidual(Hamiltonian s, double h, double[] y0, double[] y1, int n) {
    int d = s.dof(), dim = 2 * d;
    double[] m = new double[dim * n], g = new double[dim * n];
    for (int i = 0; i < dim * n; i++) m[i] = 0.5 * (y0[i] + y1[i]);
    s.gradient(m, n, g);
    double r = 0;
    for (int k = 0; k < dim; k++) {
      for (int b = 0; b < n; b++) {
        int i = k * n + b;
        double f = k < d ? g[(k + d) * n + b] : -g[(k - d) * n + b];
        r = Math.max(r, Math.abs(y1[i] - y0[i] - h * f) / Math.max(1, Math.abs(y1[i])));
      }
    }
    return r;
  }

  @Test
  void stiffProblemDefeatsFixedPointAndTheMessageSaysWhatToDo() {
    // hω = 3 > 2: the fixed-point map has contraction factor hω/2 = 1.5
    var osc = new Oscillator(300);
    var e = assertThrows(SolveException.class,
        () -> Rollout.run(osc, new ImplicitMidpoint(NO_FALLBACK), 0.01, 5, new double[] {1, 0.5}, 1));
    String msg = e.getMessage();
    assertEquals(0, e.step());
    assertEquals(0, e.row());
    assertTrue(msg.contains("step 0") && msg.contains("batch row 0") && msg.contains("[1.0, 0.5]"), msg);
    assertTrue(msg.contains("smaller step h"), msg);
  }

  @Test
  void newtonSolvesTheStiffLinearProblemExactly() {
    var osc = new Oscillator(300);
    double h = 0.01, th = h * 300 / 2;
    double[] y = Rollout.run(osc, new ImplicitMidpoint(), h, 1, new double[] {1, 0.5}, 1);
    // midpoint on a rotation is the Cayley transform: angle 2·atan(hω/2), norm preserved
    double ang = 2 * Math.atan(th);
    assertEquals(Math.cos(ang) + 0.5 * Math.sin(ang), y[2], 1e-13);
    assertEquals(-Math.sin(ang) + 0.5 * Math.cos(ang), y[3], 1e-13);
  }

  @Test
  void onlyStiffRowsNeedNewtonAndEveryRowSolvesTheEquation() {
    var s = new StiffQuartic(1e4);
    double h = 0.01;
    // rows 0, 1 are non-stiff (h·√(3k)|q|/2 ≈ 0.01), rows 2, 3 defeat the fixed point (≈ 0.9, 1.7)
    double[] q = {0.01, -0.02, 1.0, 2.0}, p = {0.1, 0.3, -0.5, 0.2};
    int n = 4;
    double[] z = new double[2 * n];
    for (int b = 0; b < n; b++) {
      z[b] = q[b];
      z[n + b] = p[b];
    }
    var im = new ImplicitMidpoint();
    double[] y = z.clone();
    assertTrue(im.step(s, h, y, n, im.workspace(s, n)).ok());
    assertTrue(equationResidual(s, h, z, y, n) < 1e-13, "residual " + equationResidual(s, h, z, y, n));
    // the same rows stepped alone agree: rows converge independently of their neighbours
    for (int b = 0; b < n; b++) {
      double[] one = {q[b], p[b]};
      assertTrue(im.step(s, h, one, 1, im.workspace(s, 1)).ok());
      assertEquals(one[0], y[b], 1e-13 * Math.max(1, Math.abs(one[0])));
      assertEquals(one[1], y[n + b], 1e-13 * Math.max(1, Math.abs(one[1])));
    }
    // without the fallback the stiff row is the one reported
    double[] y2 = z.clone();
    StepStatus st = new ImplicitMidpoint(NO_FALLBACK).step(s, h, y2, n, im.workspace(s, n));
    assertTrue(!st.ok() && st.row() >= 2, "status " + st);
  }

  @Test
  void iterationCapReportsNonConvergenceWithStepRowAndState() {
    var im = new ImplicitMidpoint(NO_FALLBACK.withMaxIterations(1));
    var e = assertThrows(SolveException.class,
        () -> Rollout.run(new DoubleWell(), im, 0.1, 3, new double[] {0.5, 1.0, -0.5, 0.2}, 2));
    assertEquals(StepStatus.Kind.NOT_CONVERGED, e.status().kind());
    assertTrue(e.getMessage().contains("did not converge") && e.getMessage().contains("batch row"), e.getMessage());
    assertEquals(2, e.state().length);
  }

  @Test
  void faithfulModeDiffersFromConvergedOnlyByTheUnconvergedSolve() {
    // with 6 sweeps at h = 0.01 the fixed point is converged far below the truncation error
    var dw = new DoubleWell();
    double[] a = Rollout.run(dw, ImplicitMidpoint.faithful(6, false), 0.01, 100, new double[] {1, 0.5}, 1);
    double[] b = Rollout.run(dw, new ImplicitMidpoint(), 0.01, 100, new double[] {1, 0.5}, 1);
    assertEquals(b[200], a[200], 1e-12);
    // with 1 sweep at h = 0.1 the two differ visibly: the sweep count is honoured
    double[] c = Rollout.run(dw, ImplicitMidpoint.faithful(1, false), 0.1, 1, new double[] {1, 0.5}, 1);
    double[] e = Rollout.run(dw, new ImplicitMidpoint(), 0.1, 1, new double[] {1, 0.5}, 1);
    assertTrue(Math.abs(c[2] - e[2]) > 1e-9, "1 sweep should not be converged: " + Math.abs(c[2] - e[2]));
  }
}

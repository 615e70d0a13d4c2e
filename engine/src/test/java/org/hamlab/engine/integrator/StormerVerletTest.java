package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.HenonHeiles;
import org.junit.jupiter.api.Test;

class StormerVerletTest {

  static void assertSameTrajectory(Hamiltonian s, Integrator a, Integrator b, double[] z0, double tol) {
    double[] x = Rollout.run(s, a, 0.05, 200, z0, 1), y = Rollout.run(s, b, 0.05, 200, z0, 1);
    for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], tol, a.name() + " vs " + b.name() + " on " + s.name());
  }

  @Test
  void bothVariantsReduceToLeapfrogForSeparableH() {
    double[] dw = {1.1, -0.3}, hh = {0.1, -0.2, 0.25, 0.05};
    for (Integrator i : new Integrator[] {new GeneralizedStormerVerlet(), new AuthorsStormerVerlet()}) {
      assertSameTrajectory(new DoubleWell(), i, new Leapfrog(), dw, 1e-13);
      assertSameTrajectory(new HenonHeiles(), i, new Leapfrog(), hh, 1e-13);
    }
  }

  /** One authors' SV step on the coupled oscillator, written out by hand from paper.md §6.3. */
  @Test
  void authorsStepFollowsTheCodeIncludingTheOldMomentumQuirk() {
    double a = 0.5, h = 0.1, q = 1, p = 0.5;
    int k = 5;
    // f_q = ∂H/∂p = p + a q, f_p = −∂H/∂q = −(q + a p)
    double k1q = p + a * q, k1p = -(q + a * p);
    double mq = q + h / 2 * k1q, mp = p + h / 2 * k1p;
    double qs = q + h * (mp + a * mq), ps = p - h * (mq + a * mp);
    double ph = p - h / 2 * (q + a * ps);
    for (int i = 0; i < k; i++) ph = p - h / 2 * (q + a * ph);
    double qh = q + h / 2 * (ph + a * qs);
    for (int i = 0; i < k; i++) qh = q + h / 2 * (p + a * qh);
    double q1 = q + h * (ph + a * qh);
    double p1 = ph - h / 2 * (q1 + a * ph);
    double[] z = {q, p};
    var sv = new AuthorsStormerVerlet(k);
    sv.step(new CoupledOscillator(a), h, z, 1, sv.workspace(new CoupledOscillator(a), 1));
    assertEquals(q1, z[0], 1e-15);
    assertEquals(p1, z[1], 1e-15);
  }

  @Test
  void generalizedSvSolvesItsImplicitEquations() {
    var cho = new CoupledOscillator();
    double a = cho.alpha(), h = 0.1, q = 1, p = 0.5;
    double[] z = {q, p};
    var gsv = new GeneralizedStormerVerlet();
    gsv.step(cho, h, z, 1, gsv.workspace(cho, 1));
    // p½ = p − h/2 (q + a p½); q1 = q + h/2 [(p½ + a q) + (p½ + a q1)]; p1 = p½ − h/2 (q1 + a p½)
    double ph = (p - h / 2 * q) / (1 + h / 2 * a);
    double q1 = (q + h / 2 * (2 * ph + a * q)) / (1 - h / 2 * a);
    double p1 = ph - h / 2 * (q1 + a * ph);
    assertEquals(q1, z[0], 1e-14);
    assertEquals(p1, z[1], 1e-14);
  }
}

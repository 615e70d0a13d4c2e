package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Long-time geometry: exact quadratic invariants, bounded energy error without drift. */
class EnergyBehaviourTest {

  /** |H(z_s) − H(z_0)| for every saved point s of one row. */
  static double[] energyError(Hamiltonian sys, double[] traj, int saved) {
    int dim = sys.dim();
    double[] err = new double[saved];
    double[] pt = new double[dim];
    double h0 = 0;
    for (int s = 0; s < saved; s++) {
      for (int k = 0; k < dim; k++) pt[k] = traj[s * dim + k];
      double h = sys.valueAt(pt);
      if (s == 0) h0 = h;
      err[s] = Math.abs(h - h0);
    }
    return err;
  }

  @Test
  void gaussMethodsConserveTheCoupledOscillatorsQuadraticEnergy() {
    var cho = new CoupledOscillator();
    for (Integrator i : new Integrator[] {new ImplicitMidpoint(), new GaussLegendre()}) {
      double[] t = Rollout.run(cho, i, 0.01, 1000, new double[] {1, 0.5}, 1);
      double max = 0;
      for (double e : energyError(cho, t, 1001)) max = Math.max(max, e);
      assertTrue(max < 1e-13, i.name() + ": |ΔH| = " + max);
    }
  }

  /** Max error in the first and the last tenth of 10⁵ steps at h = 0.1 (T = 10⁴). */
  static double[] firstAndLastTenth(Integrator i) {
    return firstAndLastTenth(new DoubleWell(), i);
  }

  static double[] firstAndLastTenth(Hamiltonian dw, Integrator i) {
    int steps = 100_000, every = 10, saved = steps / every + 1;
    double[] t = Rollout.run(dw, i, 0.1, steps, every, new double[] {1.2, 0.3}, 1);
    double[] err = energyError(dw, t, saved);
    double first = 0, last = 0;
    for (int s = 0; s < saved / 10; s++) first = Math.max(first, err[s]);
    for (int s = saved - saved / 10; s < saved; s++) last = Math.max(last, err[s]);
    return new double[] {first, last};
  }

  @Test
  @Tag("slow") // 10⁵ steps
  void symplecticMethodsHaveBoundedEnergyErrorOnTheDoubleWell() {
    for (Integrator i : new Integrator[] {new ImplicitMidpoint(), new Leapfrog(), new GaussLegendre()}) {
      double[] fl = firstAndLastTenth(i);
      assertTrue(fl[1] < 2 * fl[0] && fl[1] < 1e-2, i.name() + ": first tenth " + fl[0] + ", last tenth " + fl[1]);
    }
  }

  @Test
  @Tag("slow") // 10⁵ steps
  void symplecticMethodsHaveBoundedEnergyErrorForNonSeparableH() {
    var pq = new org.hamlab.engine.system.ProductQuadratic();
    for (Integrator i : new Integrator[] {new ImplicitMidpoint(), new GeneralizedStormerVerlet()}) {
      double[] fl = firstAndLastTenth(pq, i);
      assertTrue(fl[1] < 2 * fl[0] && fl[1] < 1e-2, i.name() + ": first tenth " + fl[0] + ", last tenth " + fl[1]);
    }
  }

  @Test
  @Tag("slow") // 10⁵ steps
  void rk4DriftsSoTheCheckAboveCanFail() {
    double[] fl = firstAndLastTenth(new RungeKutta4());
    assertTrue(fl[1] > 5 * fl[0], "RK4 energy should drift: first " + fl[0] + ", last " + fl[1]);
  }
}

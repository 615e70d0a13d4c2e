package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.ProductQuadratic;
import org.junit.jupiter.api.Test;

class TaoTest {

  @Test
  void matchesImplicitMidpointForSmallSteps() {
    for (Hamiltonian s : new Hamiltonian[] {new DoubleWell(), new CoupledOscillator(), new ProductQuadratic()}) {
      double[] z0 = {0.6, -0.4};
      double[] tao = Rollout.run(s, new Tao(), 1e-3, 1000, z0, 1);
      double[] im = Rollout.run(s, new ImplicitMidpoint(), 1e-3, 1000, z0, 1);
      double[] coarse = Rollout.run(s, new Tao(), 1e-2, 100, z0, 1);
      double fine = Math.hypot(tao[2000] - im[2000], tao[2001] - im[2001]);
      double rough = Math.hypot(coarse[200] - im[2000], coarse[201] - im[2001]);
      assertTrue(fine < 1e-5, s.name() + ": |tao − im| at T = 1 is " + fine);
      assertTrue(fine < rough / 20, s.name() + ": error should shrink ~h², " + rough + " → " + fine);
    }
  }

  @Test
  void conservesItsExtendedEnergyApproximately() {
    var s = new ProductQuadratic();
    var tao = new Tao();
    int n = 1;
    double[] z = new double[4 * n];
    tao.extend(s, new double[] {0.6, -0.4}, n, z);
    double[] e0 = new double[n], e = new double[n];
    tao.extendedEnergy(s, z, n, e0);
    assertEquals(2 * s.valueAt(0.6, -0.4), e0[0], 1e-15, "x = q, y = p at the start");
    Workspace ws = tao.workspace(s, n);
    double max = 0;
    for (int step = 0; step < 10_000; step++) {
      assertTrue(tao.step(s, 0.01, z, n, ws).ok());
      tao.extendedEnergy(s, z, n, e);
      max = Math.max(max, Math.abs(e[0] - e0[0]) / e0[0]);
    }
    assertTrue(max < 1e-2, "relative extended-energy error over 10⁴ steps " + max);
  }

  @Test
  void extendedStateFlowsThroughRollout() {
    var tao = new Tao();
    var dw = new DoubleWell();
    assertEquals(4, tao.stateDim(dw));
    assertEquals(4, tao.workspace(dw, 3).dim());
    double[] t = Rollout.run(dw, tao, 0.01, 10, new double[] {1, 0.5, 0.5, -1}, 2);
    assertEquals(11 * 2 * 2, t.length, "only the physical (q, p) are stored");
  }
}

package org.hamlab.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.HenonHeiles;
import org.hamlab.engine.system.SpringMass;
import org.hamlab.engine.train.Adam;
import org.hamlab.engine.train.Optimizer;
import org.junit.jupiter.api.Test;

/** Data, pairs, networks and the optimiser of the baselines. */
class BaselinePartsTest {

  @Test
  void shnnDataHasTheAuthorsShapeBoxAndDoubledNoise() {
    Trajectories d = BaselineData.shnn(new CoupledOscillator(), 0);
    assertEquals(1500, d.count());
    assertEquals(2, d.points());
    assertEquals(0.1, d.dt());
    double sum2 = 0, max0 = 0;
    int n = d.count() * d.dim() * 2;
    for (int i = 0; i < n; i++) {
      double e = d.states()[i] - d.clean()[i];
      sum2 += e * e;
      if (i < d.count() * d.dim()) max0 = Math.max(max0, Math.abs(d.clean()[i]));
    }
    double std = Math.sqrt(sum2 / n);
    // σ_eff = 0.01·√2 ≈ 0.01414 on both points; 6000 draws give ±1.3 % standard error
    assertEquals(0.01 * Math.sqrt(2), std, 0.0006);
    assertTrue(max0 > 1.9 && max0 <= 2.0, "box " + max0);
    Trajectories hh = BaselineData.shnn(new HenonHeiles(), 300, 0);
    double maxHh = 0;
    for (int i = 0; i < hh.count() * hh.dim(); i++) maxHh = Math.max(maxHh, Math.abs(hh.clean()[i]));
    assertTrue(maxHh > 0.95 && maxHh <= 1.0, "HH box " + maxHh);
  }

  @Test
  void shnnGroundTruthIsTheExactFlow() {
    // spring-mass: exact rotation by h = 0.1
    Trajectories d = BaselineData.shnn(new SpringMass(), 50, 3);
    int n = d.count();
    for (int b = 0; b < n; b++) {
      double q = d.clean()[b], p = d.clean()[n + b], c = Math.cos(0.1), s = Math.sin(0.1);
      assertEquals(c * q + s * p, d.clean()[2 * n + b], 1e-12);
      assertEquals(-s * q + c * p, d.clean()[3 * n + b], 1e-12);
    }
  }

  @Test
  void nssnnDataHasCleanStartsAndBoundedUniformEndpointNoise() {
    Trajectories d = BaselineData.nssnn(new HenonHeiles(), 0);
    assertEquals(1280, d.count());
    assertEquals(0.01, d.dt());
    int half = d.count() * d.dim();
    double maxStart = 0, maxNoise = 0, sum2 = 0;
    for (int i = 0; i < half; i++) {
      assertEquals(d.clean()[i], d.states()[i]);
      maxStart = Math.max(maxStart, Math.abs(d.states()[i]));
      double e = d.states()[half + i] - d.clean()[half + i];
      maxNoise = Math.max(maxNoise, Math.abs(e));
      sum2 += e * e;
    }
    assertTrue(maxStart <= 0.3 && maxStart > 0.29, "HH box " + maxStart);
    assertTrue(maxNoise <= 0.004 && maxNoise > 0.0039, "noise bound " + maxNoise);
    // std of U(−a, a) is a/√3 ≈ 0.00231
    assertEquals(0.004 / Math.sqrt(3), Math.sqrt(sum2 / half), 0.0001);
    assertArrayEquals(d.states(), BaselineData.nssnn(new HenonHeiles(), 0).states());
  }

  @Test
  void pairsFromWindowsAreConsecutiveObservations() {
    int count = 3, points = 5, dim = 2;
    double[] s = new double[count * points * dim];
    for (int i = 0; i < s.length; i++) s[i] = i;
    Trajectories t = new Trajectories(1, count, points, 0.01, s, null);
    Trajectories p = Pairs.fromWindows(t, 4);
    assertEquals(9, p.count());
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < dim; k++) {
          assertEquals(t.states()[t.index(j, k, b)], p.states()[p.index(0, k, b * 3 + j)]);
          assertEquals(t.states()[t.index(j + 1, k, b)], p.states()[p.index(1, k, b * 3 + j)]);
        }
      }
    }
    Trajectories[] sp = Pairs.split(p, 0.8);
    assertEquals(7, sp[0].count());
    assertEquals(2, sp[1].count());
    assertThrows(IllegalArgumentException.class, () -> Pairs.fromWindows(t, 6));
    assertThrows(IllegalArgumentException.class, () -> Pairs.split(p, 1.0));
  }

  @Test
  void networksHaveTheAuthorsArchitectureAndInit() {
    Mlp ns = BaselineNetworks.nssnn(2, 0);
    // 4·64+64 + 4·(64·64+64) + 64 + 1
    assertEquals(320 + 4 * 4160 + 65, ns.parameterCount());
    double bound = Math.sqrt(6.0 / 64), max = 0;
    int w1 = ns.weightOffset(1);
    for (int i = w1; i < w1 + 64 * 64; i++) max = Math.max(max, Math.abs(ns.parameters()[i]));
    assertTrue(max <= bound && max > 0.95 * bound, "U(±√(6/64)) weights, max " + max);

    Mlp sh = BaselineNetworks.shnn(1, 0);
    assertEquals(2 * 100 + 100 + 100 * 100 + 100 + 100, sh.parameterCount());
    double[] th = sh.parameters();
    int o = sh.weightOffset(1);
    for (int i = 0; i < 100; i += 17) {
      for (int j = 0; j < 100; j += 13) {
        double dot = 0;
        for (int k = 0; k < 100; k++) dot += th[o + k * 100 + i] * th[o + k * 100 + j];
        assertEquals(i == j ? 1 : 0, dot, 1e-12, "WᵀW at " + i + "," + j);
      }
    }
    for (int i = sh.biasOffset(0); i < sh.biasOffset(0) + 100; i++) assertEquals(0.0, th[i]);
  }

  @Test
  void adamWWithoutDecayIsAdamAndDecayShrinks() {
    SplittableRandom r = new SplittableRandom(1);
    double[] a = new double[10], b = new double[10], g = new double[10];
    for (int i = 0; i < 10; i++) a[i] = b[i] = r.nextGaussian();
    Optimizer.State x = AdamW.adam().start(10), y = Adam.defaults().start(10);
    for (int t = 0; t < 5; t++) {
      for (int i = 0; i < 10; i++) g[i] = r.nextGaussian();
      x.apply(a, g, 0.01);
      y.apply(b, g, 0.01);
    }
    assertArrayEquals(b, a);
    // zero gradient: only the decoupled decay acts, θ ← θ(1 − lr·λ)
    double[] c = {2.0};
    AdamW.shnn().start(1).apply(c, new double[] {0}, 0.1);
    assertEquals(2.0 * (1 - 0.1 * 0.01), c[0], 1e-15);
    // AMSGrad: after a large gradient, a small one moves less than plain Adam would
    double[] p1 = {0}, p2 = {0};
    Optimizer.State ams = new AdamW(0.9, 0.999, 1e-8, 0, true).start(1), plain = AdamW.adam().start(1);
    ams.apply(p1, new double[] {100}, 0.1);
    plain.apply(p2, new double[] {100}, 0.1);
    for (int t = 0; t < 3000; t++) {
      ams.apply(p1, new double[] {0.01}, 0.1);
      plain.apply(p2, new double[] {0.01}, 0.1);
    }
    assertTrue(Math.abs(p1[0]) < Math.abs(p2[0]), p1[0] + " vs " + p2[0]);
  }
}

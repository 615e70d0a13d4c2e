package org.hamlab.engine.system;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SystemsTest {

  static java.util.List<String> names() {
    return Systems.names();
  }

  /** Gradient against central differences of the value, Hessian-vector against differences of the gradient. */
  @ParameterizedTest
  @MethodSource("names")
  void derivativesMatchFiniteDifferences(String name) {
    Hamiltonian h = Systems.byName(name);
    int dim = h.dim(), n = 7;
    SplittableRandom r = new SplittableRandom(42);
    double[] z = new double[dim * n], v = new double[dim * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = r.nextDouble(-1, 1);
      v[i] = r.nextDouble(-1, 1);
    }
    double[] g = new double[dim * n], hv = new double[dim * n];
    h.gradient(z, n, g);
    h.hessianVector(z, v, n, hv);
    double eps = 1e-5;
    double[] plus = new double[n], minus = new double[n];
    for (int k = 0; k < dim; k++) {
      double[] zp = z.clone(), zm = z.clone();
      for (int b = 0; b < n; b++) {
        zp[k * n + b] += eps;
        zm[k * n + b] -= eps;
      }
      h.value(zp, n, plus);
      h.value(zm, n, minus);
      for (int b = 0; b < n; b++) {
        assertEquals((plus[b] - minus[b]) / (2 * eps), g[k * n + b], 1e-8, name + " dH/dz" + k);
      }
    }
    double[] zp = z.clone(), zm = z.clone(), gp = new double[dim * n], gm = new double[dim * n];
    for (int i = 0; i < z.length; i++) {
      zp[i] += eps * v[i];
      zm[i] -= eps * v[i];
    }
    h.gradient(zp, n, gp);
    h.gradient(zm, n, gm);
    for (int i = 0; i < z.length; i++) {
      assertEquals((gp[i] - gm[i]) / (2 * eps), hv[i], 1e-7, name + " Hv");
    }
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Systems.byName("double-wel"));
    assertTrue(e.getMessage().contains("double-well"), e.getMessage());
    assertTrue(e.getMessage().contains("henon-heiles"), e.getMessage());
  }

  @Test
  void referenceEnergies() {
    // paper.md §13: H0 of the reference initial states
    assertEquals(-0.125, new DoubleWell().valueAt(1.0, 0.5), 1e-15);
    assertEquals(0.875, new CoupledOscillator().valueAt(1.0, 0.5), 1e-15);
    assertEquals(0.0581666667, new HenonHeiles().valueAt(0.1, -0.2, 0.25, 0.05), 1e-10);
  }
}

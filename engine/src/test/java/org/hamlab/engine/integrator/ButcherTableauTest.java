package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ButcherTableauTest {

  /** max_ij |b_i a_ij + b_j a_ji − b_i b_j| (zero for symplectic RK methods). */
  static double symplecticDefect(ButcherTableau t) {
    double max = 0;
    for (int i = 0; i < t.stages(); i++) {
      for (int j = 0; j < t.stages(); j++) {
        max = Math.max(max, Math.abs(t.b(i) * t.a(i, j) + t.b(j) * t.a(j, i) - t.b(i) * t.b(j)));
      }
    }
    return max;
  }

  @Test
  void gaussMethodsSatisfyTheSymplecticCondition() {
    assertEquals(0, symplecticDefect(ButcherTableau.GAUSS_LEGENDRE_2), 1e-16);
    assertEquals(0, symplecticDefect(ButcherTableau.IMPLICIT_MIDPOINT), 0.0);
    assertEquals(ButcherTableau.GAUSS_LEGENDRE_2, new GaussLegendre().tableau());
  }

  @Test
  void rk4DoesNot() {
    assertTrue(symplecticDefect(ButcherTableau.CLASSICAL_RK4) > 0.01);
    assertTrue(ButcherTableau.CLASSICAL_RK4.explicit());
    assertFalse(ButcherTableau.GAUSS_LEGENDRE_2.explicit());
  }

  @Test
  void constructorChecksConsistency() {
    var rows = assertThrows(IllegalArgumentException.class,
        () -> new ButcherTableau(new double[][] {{0.5}}, new double[] {1}, new double[] {0.4}));
    assertTrue(rows.getMessage().contains("c_i = Σ_j a_ij"), rows.getMessage());
    var weights = assertThrows(IllegalArgumentException.class,
        () -> new ButcherTableau(new double[][] {{0.5}}, new double[] {0.9}, new double[] {0.5}));
    assertTrue(weights.getMessage().contains("sum to 1"), weights.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ButcherTableau(new double[][] {{0.5, 0}}, new double[] {1}, new double[] {0.5}));
  }

  @Test
  void isImmutable() {
    double[][] a = {{0.5}};
    var t = new ButcherTableau(a, new double[] {1}, new double[] {0.5});
    a[0][0] = 7;
    t.a()[0][0] = 9;
    assertEquals(0.5, t.a(0, 0));
  }
}

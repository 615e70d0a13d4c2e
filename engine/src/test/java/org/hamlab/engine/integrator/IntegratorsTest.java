package org.hamlab.engine.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IntegratorsTest {
  /** name → (order, symplectic, implicit): what the literature says about each method. */
  static final Map<String, int[]> EXPECTED = Map.of(
      "implicit-midpoint", new int[] {2, 1, 1},
      "implicit-midpoint-faithful", new int[] {2, 1, 1},
      "gauss-legendre-2", new int[] {4, 1, 1},
      "rk4", new int[] {4, 0, 0},
      "leapfrog", new int[] {2, 1, 0},
      "generalized-stormer-verlet", new int[] {2, 1, 1},
      "authors-sv", new int[] {2, 0, 0},
      "tao", new int[] {2, 0, 0});

  @Test
  void everyEntryAnswersItsNameOrderAndMarkers() {
    assertEquals(EXPECTED.keySet(), new java.util.HashSet<>(Integrators.names()));
    for (String name : Integrators.names()) {
      Integrator i = Integrators.byName(name);
      assertEquals(name, i.name(), "registry key equals name()");
      int[] e = EXPECTED.get(name);
      assertEquals(e[0], i.order(), name + " order");
      assertEquals(e[1] == 1, i instanceof Symplectic, name + " Symplectic marker");
      assertEquals(e[2] == 1, i instanceof Implicit, name + " Implicit marker");
      if (i instanceof Implicit im) assertTrue(im.solve() != null);
    }
    assertEquals(Integrators.names().size(), Integrators.all().size());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> Integrators.byName("leap-frog"));
    assertTrue(e.getMessage().contains("leapfrog") && e.getMessage().contains("implicit-midpoint"), e.getMessage());
    assertFalse(Integrators.contains("leap-frog"));
  }
}

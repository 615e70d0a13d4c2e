package org.hamlab.engine.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Registry of the named systems (paper.md §2 plus the non-separable benchmark), by kebab name. */
public final class Systems {
  private static final Map<String, Supplier<Hamiltonian>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("double-well", DoubleWell::new);
    ALL.put("coupled-oscillator", CoupledOscillator::new);
    ALL.put("henon-heiles", HenonHeiles::new);
    ALL.put("spring-mass", SpringMass::new);
    ALL.put("product-quadratic", ProductQuadratic::new);
  }

  private Systems() {}

  /** Names of every named system, in registry order. */
  public static java.util.List<String> names() {
    return java.util.List.copyOf(ALL.keySet());
  }

  /** True when {@code name} is a registered system. */
  public static boolean contains(String name) {
    return ALL.containsKey(name);
  }

  /** The named system; an unknown name lists the known ones. */
  public static Hamiltonian byName(String name) {
    Supplier<Hamiltonian> s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown system '" + name + "'; known systems: " + String.join(", ", ALL.keySet())
              + " (or give a formula such as \"p^2/2 + q^4/4 - q^2/2\")");
    }
    return s.get();
  }
}

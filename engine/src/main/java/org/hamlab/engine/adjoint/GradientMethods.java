package org.hamlab.engine.adjoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registry of the gradient methods with their default options, keyed by {@link
 * GradientMethod#name()}.
 */
public final class GradientMethods {
  private static final Map<String, Supplier<GradientMethod>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("adjoint", DiscreteAdjoint::defaults);
    ALL.put("backprop", Backprop::defaults);
    ALL.put("authors", AuthorsGradient::defaults);
  }

  private GradientMethods() {}

  /** Names in registry order: adjoint (recommended), backprop, authors. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /** The default-configured method; an unknown name lists the known ones. */
  public static GradientMethod byName(String name) {
    Supplier<GradientMethod> s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown gradient method '" + name + "'; known: " + String.join(", ", ALL.keySet()));
    }
    return s.get();
  }
}

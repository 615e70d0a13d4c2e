package org.hamlab.dsl;

import java.util.Map;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;

/**
 * A true Hamiltonian system: a named system of the engine registry ({@code system("double-well")})
 * or a formula ({@code system("p^2/2 + q^4/4 - q^2/2")}). Immutable.
 *
 * <p>It knows the paper's data-generation defaults for its kind (paper.md §3.1): the box of
 * initial conditions and the horizon.
 */
public final class HamiltonianSystem {
  private static final Map<String, String> FORMULAS = Map.of(
      "double-well", "p²/2 + q⁴/4 − q²/2",
      "coupled-oscillator", "q²/2 + p²/2 + 0.5·q·p",
      "henon-heiles", "(p₁² + p₂²)/2 + (q₁² + q₂²)/2 + q₁²q₂ − q₂³/3",
      "spring-mass", "p²/2 + q²/2",
      "product-quadratic", "(q² + 1)(p² + 1)/2");
  private static final Map<String, Double> HORIZON = Map.of(
      "double-well", 20.0, "coupled-oscillator", 10.0, "henon-heiles", 5.0);

  private final Hamiltonian h;
  private final String source;

  private HamiltonianSystem(Hamiltonian h, String source) {
    this.h = h;
    this.source = source;
  }

  /** A registry name or a formula in q, p (q1, q2, p1, p2 for more degrees of freedom). */
  static HamiltonianSystem of(String nameOrFormula) {
    if (nameOrFormula == null || nameOrFormula.isBlank()) {
      throw new IllegalArgumentException("give a system name (" + String.join(", ", Systems.names())
          + ") or a formula such as \"p^2/2 + q^4/4 - q^2/2\"");
    }
    String s = nameOrFormula.strip();
    if (Systems.contains(s)) return new HamiltonianSystem(Systems.byName(s), s);
    if (looksLikeFormula(s)) return new HamiltonianSystem(EngineBridge.formula(s), s);
    return new HamiltonianSystem(Systems.byName(s), s); // throws, listing the known names
  }

  /** Wraps an engine Hamiltonian (user code, tests). */
  public static HamiltonianSystem of(Hamiltonian h) {
    return new HamiltonianSystem(h, h.name());
  }

  private static boolean looksLikeFormula(String s) {
    return s.chars().anyMatch(c -> "^*+/()= ".indexOf(c) >= 0) || s.matches("[qp][0-9]*");
  }

  /** Registry name, or the formula as typed. */
  public String name() {
    return source;
  }

  /** True for a registry system, false for a formula. */
  public boolean named() {
    return Systems.contains(source);
  }

  /** H written out for people. */
  public String formula() {
    return FORMULAS.getOrDefault(source, source);
  }

  public int dof() {
    return h.dof();
  }

  /** The engine's Hamiltonian. */
  public Hamiltonian hamiltonian() {
    return h;
  }

  /** H(z) at one state. */
  public double energy(State z) {
    z.requireDof(dof(), name());
    return h.valueAt(z.z());
  }

  /**
   * {@code count} trajectories with the paper's defaults (paper.md §3.1): implicit midpoint with
   * dt = 0.01, initial states uniform in the system's box, Gaussian noise σ = 0.01 on every point
   * but the first. Options are chained: {@code .noise(0.02).points(50).seed(3)}.
   */
  public Data trajectories(int count) {
    return Data.generated(this, count);
  }

  /** Half-width of the box of initial states (paper.md §3.1: [−2, 2]², Hénon–Heiles [−0.3, 0.3]⁴). */
  double defaultBox() {
    return source.equals("henon-heiles") ? 0.3 : 2.0;
  }

  /** Half-width of the test-set box (paper.md §8.2: [−2, 2]², Hénon–Heiles slice [−0.5, 0.5]²). */
  double testBox() {
    return source.equals("henon-heiles") ? 0.5 : 2.0;
  }

  /** The paper's horizon T of the generated data (paper.md §3.1), 10 for other systems. */
  double paperHorizon() {
    return HORIZON.getOrDefault(source, 10.0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HamiltonianSystem s && s.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return (named() ? source + ": " : "") + "H = " + formula() + "  (" + dof() + " degree" + (dof() == 1 ? "" : "s")
        + " of freedom" + (h.separable() ? ", separable" : ", non-separable") + ")";
  }
}

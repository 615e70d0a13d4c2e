package org.hamlab.engine.integrator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registry of the integrators by their lower-kebab {@link Integrator#name()}, each with its
 * recommended defaults.
 *
 * <table>
 *   <caption>Registered integrators</caption>
 *   <tr><th>name</th><th>order</th><th>markers</th><th>paper.md</th></tr>
 *   <tr><td>implicit-midpoint</td><td>2</td><td>Implicit, Symplectic</td><td>§6.1 (converged)</td></tr>
 *   <tr><td>implicit-midpoint-faithful</td><td>2</td><td>Implicit, Symplectic*</td>
 *       <td>§6.1, 6 sweeps, float32</td></tr>
 *   <tr><td>gauss-legendre-2</td><td>4</td><td>Implicit, Symplectic</td><td>—</td></tr>
 *   <tr><td>rk4</td><td>4</td><td>—</td><td>—</td></tr>
 *   <tr><td>leapfrog</td><td>2</td><td>Symplectic (separable H only)</td><td>§6.3</td></tr>
 *   <tr><td>generalized-stormer-verlet</td><td>2</td><td>Implicit, Symplectic</td><td>§6.3</td></tr>
 *   <tr><td>authors-sv</td><td>2</td><td>— (not symplectic for non-separable H)</td><td>§6.3</td></tr>
 *   <tr><td>tao</td><td>2</td><td>— (symplectic in extended space)</td><td>§6.4</td></tr>
 * </table>
 * *symplectic only up to the unconverged solve.
 */
public final class Integrators {
  private static final Map<String, Supplier<Integrator>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("implicit-midpoint", ImplicitMidpoint::new);
    ALL.put("implicit-midpoint-faithful", () -> ImplicitMidpoint.faithful(6, true));
    ALL.put("gauss-legendre-2", GaussLegendre::new);
    ALL.put("rk4", RungeKutta4::new);
    ALL.put("leapfrog", Leapfrog::new);
    ALL.put("generalized-stormer-verlet", GeneralizedStormerVerlet::new);
    ALL.put("authors-sv", AuthorsStormerVerlet::new);
    ALL.put("tao", Tao::new);
  }

  private Integrators() {}

  /** Names of every registered integrator, in registry order. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /** One instance of every registered integrator, in registry order. */
  public static List<Integrator> all() {
    return ALL.values().stream().map(Supplier::get).toList();
  }

  public static boolean contains(String name) {
    return ALL.containsKey(name);
  }

  /** The named integrator with its defaults; an unknown name lists the known ones. */
  public static Integrator byName(String name) {
    Supplier<Integrator> s = ALL.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown integrator '" + name + "'; known integrators: "
          + String.join(", ", ALL.keySet()));
    }
    return s.get();
  }
}

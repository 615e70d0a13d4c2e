package org.hamlab.dsl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.system.Hamiltonian;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * One trajectory from a rollout: {@code rollout(model, state(1.0, 0.5), 10.0)} (learned flow) or
 * {@code rollout(dw, state(1.0, 0.5), 10.0)} (true flow). Immutable; computed on first use.
 * Options: {@code .dt(0.001)}, {@code .integrator("implicit-midpoint")}.
 */
public final class Orbit implements Displayable {
  private final String label;
  private final boolean learned;
  private final Hamiltonian h;
  private final State z0;
  private final double duration, dt;
  private final String integrator;
  private final Lazy<double[]> states;

  private Orbit(String label, boolean learned, Hamiltonian h, State z0, double duration, double dt, String integrator) {
    if (!(duration > 0) || !Double.isFinite(duration)) {
      throw new IllegalArgumentException("rollout duration must be finite and > 0, got " + duration);
    }
    if (!(dt > 0) || !Double.isFinite(dt)) throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
    long steps = Math.round(duration / dt);
    if (steps < 1 || steps > 10_000_000) {
      throw new IllegalArgumentException("duration " + duration + " at dt = " + dt + " is " + steps
          + " steps; choose 1..10 000 000");
    }
    EngineBridge.integrator(integrator);
    this.label = label;
    this.learned = learned;
    this.h = h;
    this.z0 = z0;
    this.duration = duration;
    this.dt = dt;
    this.integrator = integrator;
    this.states = new Lazy<>(() -> Rollout.run(h, EngineBridge.integrator(integrator), dt, (int) steps, z0.z(), 1));
  }

  static Orbit of(String label, boolean learned, Hamiltonian h, State z0, double duration, double dt, String integrator) {
    z0.requireDof(h.dof(), label);
    return new Orbit(label, learned, h, z0, duration, dt, integrator);
  }

  /** The same rollout with step {@code h}. */
  public Orbit dt(double step) {
    return new Orbit(label, learned, h, z0, duration, step, integrator);
  }

  /** The same rollout with another integrator. */
  public Orbit integrator(String name) {
    return new Orbit(label, learned, h, z0, duration, dt, name);
  }

  /** "learned" or the true system's name. */
  public String label() {
    return label;
  }

  /** True for a rollout of a learned model. */
  public boolean learned() {
    return learned;
  }

  public State initial() {
    return z0;
  }

  public double dt() {
    return dt;
  }

  /** Number of points including t = 0. */
  public int points() {
    return states.get().length / h.dim();
  }

  public int dof() {
    return h.dof();
  }

  /** Times 0, dt, 2dt, …. */
  public double[] times() {
    double[] t = new double[points()];
    for (int s = 0; s < t.length; s++) t[s] = s * dt;
    return t;
  }

  /** Component k (0-based: q_1..q_d, p_1..p_d) along the orbit. */
  public double[] component(int k) {
    double[] z = states.get();
    int dim = h.dim();
    double[] out = new double[points()];
    for (int s = 0; s < out.length; s++) out[s] = z[s * dim + k];
    return out;
  }

  /** q_i along the orbit (1-based). */
  public double[] q(int i) {
    return component(i - 1);
  }

  /** p_i along the orbit (1-based). */
  public double[] p(int i) {
    return component(h.dof() + i - 1);
  }

  /** The states, trajectory layout with one row: component k at point s at {@code [s*dim + k]}. */
  public double[] states() {
    return states.get().clone();
  }

  /** H of the flow that made the orbit (H_θ for a learned orbit) along the orbit. */
  public double[] energy() {
    return energy(h);
  }

  /** {@code other} H along the orbit (e.g. the true H along a learned orbit). */
  public double[] energy(Hamiltonian other) {
    int n = points(), dim = h.dim();
    double[] z = states.get(), soa = new double[dim * n], out = new double[n];
    for (int s = 0; s < n; s++) {
      for (int k = 0; k < dim; k++) soa[k * n + s] = z[s * dim + k];
    }
    other.value(soa, n, out);
    return out;
  }

  /** Columns t, q.., p.. (and H). */
  public Table table() {
    Table t = Table.create(label + " orbit", DoubleColumn.create("t", times()));
    int d = h.dof();
    for (int k = 0; k < 2 * d; k++) {
      String n = (k < d ? "q" : "p") + (d == 1 ? "" : String.valueOf(k % d + 1));
      t.addColumns(DoubleColumn.create(n, component(k)));
    }
    t.addColumns(DoubleColumn.create("H", energy()));
    return t;
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    return m;
  }

  @Override
  public String toString() {
    return "Orbit (" + label + ") from " + z0 + " over t ∈ [0, " + duration + "], dt = " + dt + ", " + integrator + ", "
        + (states.done() ? points() + " points" : "computed on first use");
  }
}

package org.hamlab.dsl;

import java.util.List;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.system.formula.FormulaSystem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The one place where DSL verbs call engine entry points that are still being wired: each method
 * names the engine class it delegates to. Keeping them together keeps the DSL classes free of
 * engine plumbing.
 */
final class EngineBridge {
  private EngineBridge() {}

  /** A formula system (engine {@link FormulaSystem}); its errors show the position. */
  static Hamiltonian formula(String formula) {
    return FormulaSystem.parse(formula);
  }

  /** Activations of the MLP H_θ (engine {@code nn.Activation}). */
  static List<String> activationNames() {
    return List.of("tanh");
  }

  /** An empty training history with the DSL's columns. */
  static Table emptyHistory() {
    return Table.create("training history", IntColumn.create("epoch"), DoubleColumn.create("loss"),
        DoubleColumn.create("learning_rate"), DoubleColumn.create("seconds"));
  }

  /** Trains H_θ as {@code c} says (engine {@code train.Trainer}). */
  static Fit train(TrainConfig c, Data data) {
    throw new UnsupportedOperationException(PENDING_TRAINING);
  }

  /** The engine's JSON for a trained network (engine {@code nn} model format). */
  static String writeNetwork(ParametricHamiltonian h, TrainConfig c) {
    throw new UnsupportedOperationException(PENDING_TRAINING);
  }

  /** A network from the engine's JSON; refuses a corrupt one. */
  static ParametricHamiltonian readNetwork(String json, TrainConfig c) {
    throw new UnsupportedOperationException(PENDING_TRAINING);
  }

  private static final String PENDING_TRAINING = "training and model files are not in this build yet: they need "
      + "the engine's Mlp (branch mlp) and Trainer (branch adjoint)";

  /** Names accepted by {@link #integrator(String)}. */
  static List<String> integratorNames() {
    return List.of("implicit-midpoint");
  }

  /** The integrator registered under {@code name}. */
  static Integrator integrator(String name) {
    if (name.equals("implicit-midpoint")) return new ImplicitMidpoint();
    throw new IllegalArgumentException("unknown integrator '" + name + "'; known integrators: "
        + String.join(", ", integratorNames()));
  }

  /**
   * Trajectories as in paper.md §3.1: initial states uniform in the box, rolled out with the
   * ground-truth integrator at dt, Gaussian noise σ on every point after t = 0. Every random
   * draw comes from a stream of its trajectory ({@code "initial"}, {@code "noise"}), so a seed
   * fixes the data whatever the thread count and a longer horizon extends a shorter one.
   */
  static Trajectories generate(HamiltonianSystem system, DataConfig c) {
    Hamiltonian h = system.hamiltonian();
    int n = c.count, dim = h.dim();
    double[] z0 = new double[dim * n];
    for (int b = 0; b < n; b++) {
      var r = Seeds.stream(c.seed, "initial", b);
      for (int k = 0; k < dim; k++) z0[k * n + b] = -c.box + 2 * c.box * r.nextDouble();
    }
    double[] clean = Rollout.run(h, integrator(c.integrator), c.dt, c.points - 1, z0, n);
    double[] noisy = clean.clone();
    if (c.noise > 0) {
      for (int b = 0; b < n; b++) {
        var r = Seeds.stream(c.seed, "noise", b);
        for (int s = 1; s < c.points; s++) {
          for (int k = 0; k < dim; k++) noisy[(s * dim + k) * n + b] += c.noise * Seeds.gaussian(r);
        }
      }
    }
    return new Trajectories(h.dof(), n, c.points, c.dt, noisy, clean);
  }
}

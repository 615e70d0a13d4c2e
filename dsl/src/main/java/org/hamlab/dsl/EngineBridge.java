package org.hamlab.dsl;

import java.util.List;
import org.hamlab.engine.data.Trajectories;
import java.util.Arrays;
import org.hamlab.engine.adjoint.GradientMethods;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.Integrators;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;
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

  /** Activations of the MLP H_θ (engine {@link Activation}). */
  static List<String> activationNames() {
    return Arrays.stream(Activation.values()).map(Activation::id).toList();
  }

  /** Gradient methods (engine {@link GradientMethods}). */
  static List<String> gradientNames() {
    return GradientMethods.names();
  }

  /** The untrained network {@code c} describes for {@code dof} degrees of freedom (engine {@link MlpSpec}). */
  static Mlp network(TrainConfig c, int dof) {
    return Mlp.create(spec(c, dof));
  }

  static MlpSpec spec(TrainConfig c, int dof) {
    return MlpSpec.of(dof).withHidden(c.widths).withActivation(Activation.byId(c.activation))
        .withPrecision(precision(c.precision)).withSeed(c.seed);
  }

  static Precision precision(String name) {
    return name.equals("float32") ? Precision.FLOAT32 : Precision.FLOAT64;
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

  private static final String PENDING_TRAINING = "training is not in this build yet: it needs the engine's "
      + "Trainer (branch adjoint)";

  /** Names accepted by {@link #integrator(String)} (engine {@link Integrators}). */
  static List<String> integratorNames() {
    return Integrators.names();
  }

  /** The integrator registered under {@code name}; an unknown name lists the known ones. */
  static Integrator integrator(String name) {
    return Integrators.byName(name);
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

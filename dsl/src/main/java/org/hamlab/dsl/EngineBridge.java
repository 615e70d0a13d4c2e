package org.hamlab.dsl;

import java.util.List;
import org.hamlab.engine.data.InitialConditions;
import org.hamlab.engine.data.Split;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.data.TrajectoryGenerator;
import org.hamlab.engine.data.TrajectorySpec;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.hamlab.dsl.display.Progress;
import org.hamlab.dsl.display.ProgressSink;
import org.hamlab.engine.train.EpochRecord;
import org.hamlab.engine.train.StopReason;
import org.hamlab.engine.train.TrainEvent;
import org.hamlab.engine.train.TrainListener;
import org.hamlab.engine.train.TrainResult;
import org.hamlab.engine.train.TrainSpec;
import org.hamlab.engine.train.Trainer;
import org.hamlab.engine.adjoint.GradientMethods;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.Integrators;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
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

  /**
   * Trains H_θ as {@code c} says (engine {@link Trainer}, paper.md §5.1), reporting progress to the
   * installed {@link ProgressSink}. An interrupt (Ctrl-C in the shell or a script) stops training
   * before the next step with the best parameters so far; the interrupt flag is then cleared so
   * the rest of the statement (saving, plotting) runs normally.
   */
  static Fit train(TrainConfig c, Data data) {
    Trajectories t = data.trajectories();
    if (c.window > t.points()) {
      throw new IllegalArgumentException("the training window has " + c.window + " points but the data only "
          + t.points() + "; use .window(" + t.points() + ") or longer trajectories (.points(n))");
    }
    Mlp model = network(c, t.dof());
    TrainSpec spec = TrainSpec.defaults().withEpochs(c.epochs).withBatchSize(c.batch).withLearningRate(c.learningRate)
        .withWindow(c.window).withGradient(GradientMethods.byName(c.gradient)).withSeed(c.seed)
        .withHidden(Arrays.stream(c.widths).boxed().toList());
    long steps = (t.count() + c.batch - 1) / c.batch;
    Table history = emptyHistory();
    TrainResult r;
    try (ProgressSink.Task task = Progress.current().start("training", steps * c.epochs, "steps")) {
      TrainListener listener = e -> {
        switch (e) {
          case TrainEvent.StepEnded s -> task.update((s.epoch() - 1L) * s.stepsPerEpoch() + s.step(),
              Map.of("loss", s.loss(), "lr", s.learningRate()), s.secondsLeft());
          case TrainEvent.EpochEnded ee -> {
            EpochRecord rec = ee.record();
            history.intColumn("epoch").append(rec.epoch());
            history.doubleColumn("loss").append(rec.trainLoss());
            history.doubleColumn("learning_rate").append(rec.learningRate());
            history.doubleColumn("seconds").append(rec.seconds());
          }
          case TrainEvent.Finished f -> { }
        }
      };
      r = new Trainer(spec).withListener(listener).train(model, t, null);
    }
    Thread.interrupted();
    String stop = switch (r.stopReason()) {
      case COMPLETED -> "finished";
      case EARLY_STOPPED -> "stopped early: " + r.message();
      default -> r.message() + "; the best model so far is kept";
    };
    if (r.stopReason() != StopReason.COMPLETED) System.err.println("hamlab: training " + stop);
    return new Fit(model, history, stop, OffsetDateTime.now());
  }

  /** Integrators the training supports: the gradient methods differentiate the implicit midpoint rule. */
  static void requireTrainable(String integrator) {
    integrator(integrator);
    if (!integrator.equals("implicit-midpoint")) {
      throw new IllegalArgumentException("training uses the implicit midpoint rule, which the gradient methods "
          + "differentiate (paper.md §7); '" + integrator + "' is available for rollouts: "
          + "rollout(model, z0, T).integrator(\"" + integrator + "\")");
    }
  }

  /** Names accepted by {@link #integrator(String)} (engine {@link Integrators}). */
  static List<String> integratorNames() {
    return Integrators.names();
  }

  /** The integrator registered under {@code name}; an unknown name lists the known ones. */
  static Integrator integrator(String name) {
    return Integrators.byName(name);
  }

  /**
   * Trajectories as in paper.md §3.1 (engine {@link TrajectoryGenerator}): initial states uniform
   * in the box, rolled out with the ground-truth integrator at dt, Gaussian noise σ on every
   * point after t = 0, every draw from a stream of its trajectory (training split), so a seed
   * fixes the data whatever the thread count and a longer horizon extends a shorter one.
   */
  static Trajectories generate(HamiltonianSystem system, DataConfig c) {
    Hamiltonian h = system.hamiltonian();
    return TrajectoryGenerator.generate(new TrajectorySpec(h, c.count, c.points, c.dt, c.noise, c.seed, Split.TRAIN,
        integrator(c.integrator), InitialConditions.cube(h, -c.box, c.box)));
  }
}

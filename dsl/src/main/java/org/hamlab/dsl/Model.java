package org.hamlab.dsl;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.engine.nn.ParametricHamiltonian;
import tech.tablesaw.api.Table;

/**
 * A learned Hamiltonian H_θ: {@code train(data)} with the paper's defaults (paper.md §5.1:
 * MLP 16-32-16 tanh, implicit midpoint, exact discrete adjoint, Adam lr 0.01, batch 512, 25
 * epochs, 7-point window), options chained: {@code train(data).epochs(5).batch(64)}. The one
 * default that is not the paper's is the precision: float64, because the engine's implicit solve
 * converges to a tolerance float32 networks cannot reach ({@code .precision("float32")} exists).
 *
 * <p>Immutable. Training runs once, on first use ({@code rollout}, {@code hamiltonianError},
 * {@link #run()}; printing an untrained model shows its plan), with a progress bar; Ctrl-C in {@code ./hamlab shell}
 * or {@code ./hamlab run} stops it and keeps the best model so far. Options are checked when they
 * are given, so a bad value fails at the call that set it.
 */
public final class Model implements Displayable {
  static final List<String> PRECISIONS = List.of("float32", "float64");

  private final TrainConfig config;
  private final Data data;
  private final HamiltonianSystem system;
  private final Lazy<Fit> fit;
  private final String file;

  private Model(TrainConfig config, Data data, HamiltonianSystem system, Lazy<Fit> fit, String file) {
    this.config = config;
    this.data = data;
    this.system = system;
    this.fit = fit;
    this.file = file;
  }

  static Model of(Data data, TrainConfig c) {
    TrainConfig frozen = c.copy();
    return new Model(frozen, data, data.system(), new Lazy<>(() -> EngineBridge.train(frozen, data)), null);
  }

  static Model of(Data data) {
    TrainConfig c = new TrainConfig();
    c.data = data.config();
    return of(data, c);
  }

  static Model loaded(TrainConfig c, HamiltonianSystem system, Fit fit, String file) {
    return new Model(c, null, system, Lazy.of(fit), file);
  }

  private Model with(String option, Consumer<TrainConfig> change) {
    if (data == null) {
      throw new IllegalStateException("." + option + "(...) configures training, but this model was loaded from "
          + file + "; to train again with other options use retrain(provenance(model))." + option + "(...)");
    }
    TrainConfig c = config.copy();
    change.accept(c);
    return of(data, c);
  }

  /**
   * Training method: "hnn-adjoint" (ours, the default), or a Table 1 baseline trained in the engine
   * (paper.md §4.3): "nssnn" (Xiong et al.: one step of Tao's integrator, ω = 20, L1 loss; 5×64
   * sigmoid net with output bias, Adam lr 0.05, StepLR(10, 0.8), batch 512, 300 epochs where the
   * authors ran 1001) or "shnn" (David &amp; Méhats: midpoint-residual loss; 100-100 tanh, AdamW
   * lr 1e-3 with weight decay 0.01 and AMSGrad, full batch, 2000 steps). It sets that method's
   * defaults, so chain other options after it: {@code train(data).method("nssnn").epochs(100)}. The
   * baselines train on one-step pairs: the data as it is when it has 2 points per trajectory
   * ({@code system.nssnnData()}, {@code shnnData()}), else the pairs of the first {@code window}
   * points of each trajectory (like-for-like with ours); integrator and gradient do not apply.
   */
  public Model method(String name) {
    Baselines.requireKnown(name);
    return with("method", c -> Baselines.applyDefaults(c, name));
  }

  /** The training method: "hnn-adjoint", "nssnn" or "shnn". */
  public String method() {
    return config.method;
  }

  /** Hidden layer widths of the MLP (paper 16, 32, 16). */
  public Model widths(int... widths) {
    if (widths.length == 0) throw new IllegalArgumentException("give at least one hidden width, e.g. widths(16, 32, 16)");
    for (int w : widths) {
      if (w < 1) throw new IllegalArgumentException("hidden widths must be ≥ 1, got " + Arrays.toString(widths));
    }
    return with("widths", c -> c.widths = widths.clone());
  }

  /** Activation of the hidden layers (paper "tanh"). */
  public Model activation(String name) {
    List<String> known = EngineBridge.activationNames();
    if (!known.contains(name)) {
      throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + String.join(", ", known));
    }
    return with("activation", c -> c.activation = name);
  }

  /**
   * Integrator of the learned flow in training and rollouts (paper "implicit-midpoint", the only
   * one the gradient methods differentiate; rollouts may use others via {@code Orbit.integrator}).
   */
  public Model integrator(String name) {
    EngineBridge.requireTrainable(name);
    return with("integrator", c -> c.integrator = name);
  }

  /**
   * Gradient method: "adjoint" (exact discrete adjoint, memory independent of the trajectory
   * length), "backprop" (through the unrolled solver) or "authors" (the authors' adjoint,
   * paper.md §7.2, for comparison).
   */
  public Model gradient(String name) {
    List<String> known = EngineBridge.gradientNames();
    if (!known.contains(name)) {
      throw new IllegalArgumentException("unknown gradient method '" + name + "'; known: " + String.join(", ", known));
    }
    return with("gradient", c -> c.gradient = name);
  }

  /** Number of epochs ≥ 1 (paper 25). */
  public Model epochs(int n) {
    if (n < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + n + " (the paper trains 25)");
    return with("epochs", c -> c.epochs = n);
  }

  /** Minibatch size ≥ 1 (paper 512). */
  public Model batch(int n) {
    if (n < 1) throw new IllegalArgumentException("batch must be ≥ 1, got " + n + " (the paper uses 512)");
    return with("batch", c -> c.batch = n);
  }

  /** Adam learning rate &gt; 0 (paper 0.01). */
  public Model learningRate(double lr) {
    if (!(lr > 0) || !Double.isFinite(lr)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, got " + lr + " (the paper uses 0.01)");
    }
    return with("learningRate", c -> c.learningRate = lr);
  }

  /** Points per trajectory used for training, 2..data points (paper 7). */
  public Model window(int points) {
    if (points < 2 || points > data.points()) {
      throw new IllegalArgumentException("window must be 2.." + data.points() + " points for this data (it has "
          + data.points() + " per trajectory), got " + points + "; generate longer trajectories with .points(n)");
    }
    return with("window", c -> c.window = points);
  }

  /** Seed of the initial weights and the minibatch order. */
  public Model seed(long seed) {
    return with("seed", c -> c.seed = seed);
  }

  /** Arithmetic of the network: "float64" (default) or "float32" (the paper's). */
  public Model precision(String name) {
    if (!PRECISIONS.contains(name)) {
      throw new IllegalArgumentException("unknown precision '" + name + "'; known: " + String.join(", ", PRECISIONS));
    }
    return with("precision", c -> c.precision = name);
  }

  /** Trains now if not trained yet; returns this model. */
  public Model run() {
    fit.get();
    return this;
  }

  /** The true system of the training data, or null when unknown. */
  public HamiltonianSystem system() {
    return system;
  }

  /** The data this model trains on, or null for a model loaded from a file. */
  public Data data() {
    return data;
  }

  TrainConfig config() {
    return config;
  }

  Fit fit() {
    return fit.get();
  }

  boolean trained() {
    return fit.done();
  }

  /** The learned H_θ (trains first if needed). */
  public ParametricHamiltonian hamiltonian() {
    return fit.get().hamiltonian();
  }

  /** H_θ at one state. */
  public double energy(State z) {
    z.requireDof(hamiltonian().dof(), "this model");
    return hamiltonian().valueAt(z.z());
  }

  /** Training history, one row per epoch (trains first if needed). */
  public Table history() {
    return fit.get().history();
  }

  /** Why training ended: "finished", "cancelled" or the divergence message. */
  public String stop() {
    return fit.get().stop();
  }

  /** Writes the model (engine JSON format with this model's provenance); returns the path. */
  public Path save(String path) {
    return ModelFiles.write(this, Path.of(path));
  }

  /** Short name for tables and legends: "adjoint 16-32-16 tanh, 25 epochs". */
  public String label() {
    return (config.method.equals(Baselines.OURS) ? config.gradient : config.method) + " " + String.join("-", Arrays.stream(config.widths).mapToObj(Integer::toString).toList())
        + " " + config.activation + ", " + config.epochs + " epochs";
  }

  Provenance provenance() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    OffsetDateTime at = null;
    if (fit.done()) {
      Table h = fit.get().history();
      if (h.rowCount() > 0) {
        metrics.put("final-loss", h.doubleColumn("loss").get(h.rowCount() - 1));
        metrics.put("epochs-run", (double) h.rowCount());
      }
      at = fit.get().finished();
    }
    return Provenance.of(Model.class.getName(), "training", config.getProvenance(), metrics, at);
  }

  @Override
  public Map<String, String> mimeBundle() {
    return Provenance.withProvenance(toString(), provenance());
  }

  /**
   * A summary. It never starts training (JShell prints every value it computes, and a print
   * cannot be interrupted): an untrained model shows its plan.
   */
  @Override
  public String toString() {
    String arch = "MLP " + String.join("-", Arrays.stream(config.widths).mapToObj(Integer::toString).toList()) + " "
        + config.activation;
    String setup = (system == null ? "an unknown system" : system.name()) + "; " + Baselines.describe(config)
        + ", " + config.precision + ", seed " + config.seed;
    if (!fit.done()) {
      return "Model H_θ (not trained yet; trains on first use or .run()): " + arch + " for " + setup + ", "
          + config.epochs + " epochs on " + data.count() + " trajectories";
    }
    Fit f = fit.get();
    Table h = f.history();
    String loss = h.rowCount() == 0 ? "no epochs" : String.format(java.util.Locale.ROOT, "loss %.3e after %d epochs",
        h.doubleColumn("loss").get(h.rowCount() - 1), h.rowCount());
    return "Model H_θ: " + arch + " (" + f.hamiltonian().parameterCount() + " parameters) for " + setup + "; "
        + (file == null ? loss : "loaded from " + file) + (f.stop().equals("finished") || file != null ? "" : " (" + f.stop() + ")");
  }

}

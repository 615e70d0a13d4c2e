package org.hamlab.dsl;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hamlab.dsl.display.Progress;
import org.hamlab.dsl.display.ProgressSink;
import org.hamlab.engine.baseline.BaselineData;
import org.hamlab.engine.baseline.BaselineNetworks;
import org.hamlab.engine.baseline.BaselineSpec;
import org.hamlab.engine.baseline.BaselineTrainer;
import org.hamlab.engine.baseline.Pairs;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.train.EpochRecord;
import org.hamlab.engine.train.StopReason;
import org.hamlab.engine.train.TrainEvent;
import org.hamlab.engine.train.TrainListener;
import org.hamlab.engine.train.TrainResult;
import tech.tablesaw.api.Table;

/**
 * The training methods of {@code train(data).method(...)}: ours ({@value #OURS}) and the two
 * baselines of Table 1 (paper.md §4.3) trained in the engine ({@code org.hamlab.engine.baseline}):
 * {@value #NSSNN} (Xiong et al.: Tao's extended-phase-space step, L1 loss) and {@value #SHNN}
 * (David &amp; Méhats: midpoint-residual loss). Also the baselines' own data sets (paper.md §3.3).
 */
final class Baselines {
  static final String OURS = "hnn-adjoint";
  static final String NSSNN = "nssnn";
  static final String SHNN = "shnn";
  static final List<String> METHODS = List.of(OURS, NSSNN, SHNN);
  /** TrainConfig.batch meaning "all training pairs in one step". */
  static final int FULL_BATCH = Integer.MAX_VALUE;

  private Baselines() {}

  static void requireKnown(String method) {
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unknown training method '" + method + "'; known: "
          + String.join(", ", METHODS) + " (" + OURS + " is ours, the paper's method)");
    }
  }

  /** Sets the method and its authors' defaults (network, learning rate, batch, epochs). */
  static void applyDefaults(TrainConfig c, String method) {
    c.method = method;
    switch (method) {
      case NSSNN -> set(c, new int[] {64, 64, 64, 64, 64}, "sigmoid", 0.05, 512, BaselineSpec.nssnn().epochs());
      case SHNN -> set(c, new int[] {100, 100}, "tanh", 1e-3, FULL_BATCH, BaselineSpec.shnn().epochs());
      default -> set(c, new int[] {16, 32, 16}, "tanh", 0.01, 512, 25);
    }
  }

  private static void set(TrainConfig c, int[] widths, String activation, double lr, int batch, int epochs) {
    c.widths = widths;
    c.activation = activation;
    c.learningRate = lr;
    c.batch = batch;
    c.epochs = epochs;
  }

  /** "Tao ω = 20, L1, Adam lr 0.05, StepLR(10, 0.8), batch 512" and the like. */
  static String describe(TrainConfig c) {
    String batch = c.batch == FULL_BATCH ? "full batch" : "batch " + c.batch;
    return switch (c.method) {
      case NSSNN -> "NSSNN: Tao step (ω = 20) with L1 loss, Adam lr " + c.learningRate + ", StepLR(10, 0.8), " + batch;
      case SHNN -> "SHNN: midpoint-residual loss, AdamW(wd 0.01, AMSGrad) lr " + c.learningRate + ", " + batch;
      default -> c.integrator + ", gradient " + c.gradient + ", Adam lr " + c.learningRate + ", " + batch + ", window "
          + c.window;
    };
  }

  /**
   * Trains a baseline. Pairs: the data as they are if it has 2 points per row (the baselines' own
   * data), else the consecutive pairs of the first {@code window} points of every trajectory (the
   * like-for-like option: the same observations as our method). The baselines' own data is split
   * as its authors did (NSSNN 90/10, SHNN 1200/300) and the best model by held-out loss is kept;
   * other data is used whole, like our method, keeping the best by training loss.
   */
  static Fit train(TrainConfig c, Data data) {
    Trajectories t = data.trajectories();
    int window = Math.min(c.window, t.points());
    Trajectories pairs = t.points() == 2 ? t : Pairs.fromWindows(t, window);
    Trajectories train = pairs, validation = null;
    double fraction = switch (data.config().source) {
      case BaselineDataSets.NSSNN_SOURCE -> BaselineData.NSSNN_TRAIN_FRACTION;
      case BaselineDataSets.SHNN_SOURCE -> BaselineData.SHNN_TRAIN_FRACTION;
      default -> Double.NaN;
    };
    if (!Double.isNaN(fraction)) {
      Trajectories[] split = Pairs.split(pairs, fraction);
      train = split[0];
      validation = split[1];
    }
    MlpSpec arch = new MlpSpec(t.dof(), Arrays.stream(c.widths).boxed().toList(), Activation.byId(c.activation),
        c.method.equals(NSSNN), EngineBridge.precision(c.precision), c.seed);
    Mlp model = c.method.equals(NSSNN) ? BaselineNetworks.nssnn(arch) : BaselineNetworks.shnn(arch);
    BaselineSpec spec = (c.method.equals(NSSNN) ? BaselineSpec.nssnn() : BaselineSpec.shnn()).withEpochs(c.epochs)
        .withBatchSize(c.batch).withLearningRate(c.learningRate).withSeed(c.seed);
    int batch = Math.min(c.batch, train.count());
    long steps = (train.count() + (long) batch - 1) / batch;
    Table history = EngineBridge.emptyHistory();
    TrainResult r;
    try (ProgressSink.Task task = Progress.current().start("training " + c.method, steps * c.epochs, "steps")) {
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
      r = new BaselineTrainer(spec).withListener(listener).train(model, train, validation);
    }
    Thread.interrupted();
    String stop = switch (r.stopReason()) {
      case COMPLETED -> "finished";
      case CANCELLED -> "cancelled: " + r.message() + "; kept the best model (epoch " + r.bestEpoch() + ")";
      default -> r.message() + "; kept the best model (epoch " + r.bestEpoch() + ")";
    };
    if (r.stopReason() != StopReason.COMPLETED) System.err.println("hamlab: " + stop);
    return new Fit(model, history, stop, OffsetDateTime.now());
  }
}

package org.hamlab.engine.baseline;

import org.hamlab.engine.train.TrainLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.train.CancelToken;
import org.hamlab.engine.train.EpochRecord;
import org.hamlab.engine.train.Optimizer;
import org.hamlab.engine.train.StopReason;
import org.hamlab.engine.train.TrainEvent;
import org.hamlab.engine.train.TrainListener;
import org.hamlab.engine.train.TrainResult;

/**
 * Trains a baseline H_θ on one-step pairs as {@link BaselineSpec} says (paper.md §4.3): shuffled
 * minibatches ({@code Seeds.stream(seed, "minibatch", epoch)}), the optimiser step, StepLR at epoch
 * ends, the best parameters by validation loss (train loss without validation) kept. It reports
 * the engine's {@link TrainEvent}s and returns a {@link TrainResult}, like
 * {@link org.hamlab.engine.train.Trainer}.
 *
 * <p>Stops cleanly, keeping the best parameters, on cancellation (token or thread interrupt,
 * checked before every step) and on a non-finite loss, gradient or update (that step is not
 * applied; the message names epoch and step). Immutable.
 */
public final class BaselineTrainer {
  private final BaselineSpec spec;
  private final TrainListener listener;
  private final CancelToken cancel;

  public BaselineTrainer(BaselineSpec spec) {
    this(spec, TrainListener.NONE, new CancelToken());
  }

  private BaselineTrainer(BaselineSpec spec, TrainListener listener, CancelToken cancel) {
    if (spec == null || listener == null || cancel == null) {
      throw new IllegalArgumentException("spec, listener and cancel token must not be null");
    }
    this.spec = spec;
    this.listener = listener;
    this.cancel = cancel;
  }

  public BaselineSpec spec() {
    return spec;
  }

  public BaselineTrainer withListener(TrainListener l) {
    return new BaselineTrainer(spec, l, cancel);
  }

  public BaselineTrainer withCancel(CancelToken c) {
    return new BaselineTrainer(spec, listener, c);
  }

  /**
   * Trains {@code model} in place; on return it holds the best parameters.
   *
   * @param train training pairs (2 points per row)
   * @param validation validation pairs, or {@code null}
   */
  public TrainResult train(ParametricHamiltonian model, Trajectories train, Trajectories validation) {
    PairLoss loss = spec.loss();
    PairLoss.check(model, train, null);
    if (validation != null) PairLoss.check(model, validation, null);
    int parameters = model.parameterCount(), count = train.count();
    int batch = Math.min(spec.batchSize(), count), steps = (count + batch - 1) / batch;
    double[] theta = model.parameters(), grad = new double[parameters];
    double[] best = theta.clone(), lastGood = theta.clone();
    Optimizer.State optimizer = spec.optimizer().start(parameters);
    double lr = spec.learningRate(), bestLoss = Double.NaN;
    int bestEpoch = 0;
    long totalSteps = (long) steps * spec.epochs(), done = 0, t0 = System.nanoTime();
    List<EpochRecord> history = new ArrayList<>();
    StopReason reason = StopReason.COMPLETED;
    String message = null;
    epochs:
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      long e0 = System.nanoTime();
      int[] order = steps == 1 ? null : TrainLoop.shuffle(count, Seeds.stream(spec.seed(), "minibatch", epoch));
      double lossSum = 0;
      for (int step = 1; step <= steps; step++) {
        if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
          reason = StopReason.CANCELLED;
          message = "cancelled at epoch " + epoch + ", step " + step + " of " + steps;
          break epochs;
        }
        int from = (step - 1) * batch, to = Math.min(count, from + batch);
        Trajectories b = order == null ? train : train.select(Arrays.copyOfRange(order, from, to));
        double l = loss.lossAndGradient(model, b, grad);
        String bad = TrainLoop.nonFinite(l, grad, parameters);
        System.arraycopy(theta, 0, lastGood, 0, parameters);
        if (bad == null) {
          optimizer.apply(theta, grad, lr);
          bad = TrainLoop.nonFinite(0, theta, parameters) == null ? null : "the update made a parameter non-finite";
        }
        if (bad != null) {
          System.arraycopy(lastGood, 0, theta, 0, parameters);
          model.parametersChanged();
          reason = StopReason.DIVERGED;
          message = "training stopped at epoch " + epoch + ", step " + step + ": " + bad
              + " (learning rate " + lr + "). The parameters before this step are kept; try a smaller"
              + " learning rate.";
          break epochs;
        }
        model.parametersChanged();
        lossSum += l * (to - from);
        done++;
        listener.onEvent(new TrainEvent.StepEnded(epoch, step, steps, l, lr,
            TrainLoop.secondsLeft(t0, done, totalSteps)));
      }
      double trainLoss = lossSum / count;
      double valLoss = validation == null ? Double.NaN : loss.loss(model, validation);
      double monitored = validation == null ? trainLoss : valLoss;
      if (!Double.isFinite(monitored)) {
        reason = StopReason.DIVERGED;
        message = "training stopped after epoch " + epoch + ": the monitored loss is " + monitored
            + ". The best parameters so far are kept.";
        break;
      }
      if (!(monitored >= bestLoss)) {
        bestLoss = monitored;
        bestEpoch = epoch;
        System.arraycopy(theta, 0, best, 0, parameters);
      }
      EpochRecord record = new EpochRecord(epoch, trainLoss, valLoss, lr, (System.nanoTime() - e0) * 1e-9);
      history.add(record);
      listener.onEvent(new TrainEvent.EpochEnded(record, spec.epochs(), TrainLoop.secondsLeft(t0, done, totalSteps)));
      if (epoch % spec.stepSize() == 0) lr *= spec.gamma(); // StepLR
    }
    if (message == null) message = "completed " + spec.epochs() + " epochs";
    double[] last = theta.clone();
    System.arraycopy(best, 0, theta, 0, parameters);
    model.parametersChanged();
    message += "; best " + (bestEpoch == 0 ? "= initial parameters"
        : "epoch " + bestEpoch + " (loss " + bestLoss + ")");
    listener.onEvent(new TrainEvent.Finished(reason, message));
    return new TrainResult(best.clone(), bestEpoch, bestLoss, last, history, reason, message);
  }
}

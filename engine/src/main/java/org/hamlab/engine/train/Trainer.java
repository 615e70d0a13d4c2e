package org.hamlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.SolveException;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.random.Seeds;

/**
 * Trains H_θ on observation windows with minibatch gradients (paper.md §5.1): the entry point.
 *
 * <p>Each epoch shuffles the training trajectories with {@code Seeds.stream(seed, "minibatch",
 * epoch)}, takes minibatches of {@link TrainSpec#batchSize()} windows (the first {@link
 * TrainSpec#window()} points of each trajectory), computes loss and gradient with {@link
 * TrainSpec#gradient()} and applies the optimiser to {@code model.parameters()} in place. After
 * each epoch it evaluates the validation windows, steps the plateau schedule with the monitored
 * loss (validation, else train), keeps the best parameters and checks early stopping.
 *
 * <p>Stops cleanly, returning the best model so far, on: cancellation ({@link CancelToken} or the
 * thread's interrupt flag, checked before every step), a non-finite loss or gradient (the step is
 * not applied, so the last good parameters are kept) or a {@link SolveException}; the message names
 * the epoch and step. The same seed gives bitwise the same parameters, whatever the thread count.
 *
 * <p>Immutable; configure with the {@code withX} copies.
 */
public final class Trainer {
  /** Relative decrease of the monitored loss that counts as progress for early stopping. */
  public static final double EARLY_STOP_THRESHOLD = 1e-4;

  private final TrainSpec spec;
  private final TrainListener listener;
  private final CancelToken cancel;
  private final double[] warmStart;

  public Trainer(TrainSpec spec) {
    this(spec, TrainListener.NONE, new CancelToken(), null);
  }

  private Trainer(TrainSpec spec, TrainListener listener, CancelToken cancel, double[] warmStart) {
    if (spec == null || listener == null || cancel == null) {
      throw new IllegalArgumentException("spec, listener and cancel token must not be null");
    }
    this.spec = spec;
    this.listener = listener;
    this.cancel = cancel;
    this.warmStart = warmStart;
  }

  public TrainSpec spec() {
    return spec;
  }

  public Trainer withSpec(TrainSpec s) {
    return new Trainer(s, listener, cancel, warmStart);
  }

  public Trainer withListener(TrainListener l) {
    return new Trainer(spec, l, cancel, warmStart);
  }

  public Trainer withCancel(CancelToken c) {
    return new Trainer(spec, listener, c, warmStart);
  }

  /** Start from these parameters instead of the model's current ones (copied). */
  public Trainer withWarmStart(double[] theta) {
    return new Trainer(spec, listener, cancel, theta == null ? null : theta.clone());
  }

  /**
   * Trains {@code model} in place.
   *
   * @param train training trajectories (at least {@link TrainSpec#window()} points each)
   * @param validation validation trajectories, or {@code null}
   */
  public TrainResult train(
      ParametricHamiltonian model, Trajectories train, Trajectories validation) {
    Trajectories trainWindows = windows(train, "training");
    Trajectories valWindows = validation == null ? null : windows(validation, "validation");
    double[] theta = model.parameters();
    int parameters = model.parameterCount();
    if (warmStart != null) {
      if (warmStart.length != parameters) {
        throw new IllegalArgumentException(
            "warm start has " + warmStart.length + " parameters, the model " + parameters);
      }
      System.arraycopy(warmStart, 0, theta, 0, parameters);
      model.parametersChanged();
    }
    GradientMethod method = spec.gradient();
    Optimizer.State optimizer = spec.optimizer().start(parameters);
    Plateau.Schedule schedule = new Plateau.Schedule(spec.plateau());
    double[] grad = new double[parameters], best = theta.clone(), lastGood = theta.clone();
    double bestLoss = Double.NaN, stopReference = Double.POSITIVE_INFINITY;
    double lr = spec.learningRate();
    int bestEpoch = 0, sinceBest = 0, count = trainWindows.count();
    int steps = (count + spec.batchSize() - 1) / spec.batchSize();
    long totalSteps = (long) steps * spec.epochs(), done = 0;
    List<EpochRecord> history = new ArrayList<>();
    StopReason reason = StopReason.COMPLETED;
    String message = null;
    long t0 = System.nanoTime();
    epochs:
    for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
      long e0 = System.nanoTime();
      int[] order = TrainLoop.shuffle(count, Seeds.stream(spec.seed(), "minibatch", epoch));
      double lossSum = 0;
      for (int step = 1; step <= steps; step++) {
        if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
          reason = StopReason.CANCELLED;
          message = "cancelled at epoch " + epoch + ", step " + step + " of " + steps;
          break epochs;
        }
        int from = (step - 1) * spec.batchSize(), to = Math.min(count, from + spec.batchSize());
        int[] rows = java.util.Arrays.copyOfRange(order, from, to);
        double loss;
        try {
          loss = method.lossAndGradient(model, trainWindows, rows, grad);
        } catch (SolveException e) {
          reason = StopReason.SOLVE_FAILED;
          message =
              "training stopped at epoch "
                  + epoch
                  + ", step "
                  + step
                  + ": "
                  + e.getMessage()
                  + " The parameters before this step are kept.";
          break epochs;
        } catch (IllegalStateException e) {
          if (!Thread.currentThread().isInterrupted()) throw e;
          reason = StopReason.CANCELLED;
          message = "interrupted at epoch " + epoch + ", step " + step + " of " + steps;
          break epochs;
        }
        String bad = TrainLoop.nonFinite(loss, grad, parameters);
        if (bad != null) {
          reason = StopReason.DIVERGED;
          message =
              "training stopped at epoch "
                  + epoch
                  + ", step "
                  + step
                  + ": "
                  + bad
                  + " (learning rate "
                  + lr
                  + "). The parameters before this step are kept; try a smaller learning rate.";
          break epochs;
        }
        System.arraycopy(theta, 0, lastGood, 0, parameters);
        optimizer.apply(theta, grad, lr);
        if (TrainLoop.nonFinite(0, theta, parameters) != null) {
          System.arraycopy(lastGood, 0, theta, 0, parameters);
          model.parametersChanged();
          reason = StopReason.DIVERGED;
          message =
              "training stopped at epoch "
                  + epoch
                  + ", step "
                  + step
                  + ": the update made a parameter "
                  + "non-finite (learning rate "
                  + lr
                  + "). The parameters before this step are kept.";
          break epochs;
        }
        model.parametersChanged();
        lossSum += loss * (to - from);
        done++;
        listener.onEvent(
            new TrainEvent.StepEnded(
                epoch, step, steps, loss, lr, TrainLoop.secondsLeft(t0, done, totalSteps)));
      }
      double trainLoss = lossSum / count;
      double valLoss = valWindows == null ? Double.NaN : method.loss(model, valWindows);
      double monitored = valWindows == null ? trainLoss : valLoss;
      if (!Double.isFinite(monitored)) {
        reason = StopReason.DIVERGED;
        message =
            "training stopped after epoch "
                + epoch
                + ": the "
                + (valWindows == null ? "train" : "validation")
                + " loss is "
                + monitored
                + ". The best parameters so far are kept.";
        break;
      }
      if (!(monitored >= bestLoss)) {
        bestLoss = monitored;
        bestEpoch = epoch;
        System.arraycopy(theta, 0, best, 0, parameters);
      }
      // early stopping counts epochs without a relative improvement of EARLY_STOP_THRESHOLD
      if (monitored < stopReference * (1 - EARLY_STOP_THRESHOLD)) {
        stopReference = monitored;
        sinceBest = 0;
      } else {
        sinceBest++;
      }
      EpochRecord record =
          new EpochRecord(epoch, trainLoss, valLoss, lr, (System.nanoTime() - e0) * 1e-9);
      history.add(record);
      listener.onEvent(
          new TrainEvent.EpochEnded(record, spec.epochs(), TrainLoop.secondsLeft(t0, done, totalSteps)));
      lr = schedule.step(monitored, lr);
      if (spec.earlyStopping() > 0 && sinceBest >= spec.earlyStopping()) {
        reason = StopReason.EARLY_STOPPED;
        message =
            "early stop after epoch "
                + epoch
                + ": no relative improvement of "
                + EARLY_STOP_THRESHOLD
                + " for "
                + sinceBest
                + " epochs";
        break;
      }
    }
    if (message == null) message = "completed " + spec.epochs() + " epochs";
    double[] last = theta.clone();
    System.arraycopy(best, 0, theta, 0, parameters);
    model.parametersChanged();
    message +=
        "; best "
            + (bestEpoch == 0
                ? "= initial parameters"
                : "epoch " + bestEpoch + " (loss " + bestLoss + ")");
    listener.onEvent(new TrainEvent.Finished(reason, message));
    return new TrainResult(best.clone(), bestEpoch, bestLoss, last, history, reason, message);
  }

  private Trajectories windows(Trajectories data, String what) {
    if (data.points() < spec.window()) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " trajectories have "
              + data.points()
              + " points but the "
              + "window needs "
              + spec.window()
              + "; use a shorter TrainSpec.withWindow(...) or longer trajectories");
    }
    return data.points() == spec.window() ? data : data.window(spec.window());
  }
}

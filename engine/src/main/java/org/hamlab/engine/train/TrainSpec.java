package org.hamlab.engine.train;

import java.util.List;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;

/**
 * Everything that defines a training run except the model and the data. Defaults are the paper's
 * (paper.md §5.1, §13): Adam lr 0.01, batch 512, 25 epochs, 7-point windows (h = dt), the exact
 * discrete adjoint, ReduceLROnPlateau(0.1, 10, 1e-4), no early stopping, network 16-32-16 tanh.
 *
 * @param epochs passes over the training windows (≥ 1)
 * @param batchSize windows per minibatch; the last minibatch of an epoch may be smaller
 * @param learningRate initial learning rate
 * @param window points per training window (the first {@code window} points of each trajectory)
 * @param optimizer {@link Adam} or {@link Sgd}
 * @param plateau learning-rate schedule
 * @param gradient the gradient method (its {@link org.hamlab.engine.adjoint.WindowLoss} is the
 *     loss)
 * @param earlyStopping stop after this many epochs without a relative improvement of 1e-4 of the
 *     monitored loss ({@link Trainer#EARLY_STOP_THRESHOLD}); 0 = off
 * @param seed fixes the minibatch shuffling ({@code Seeds.stream(seed, "minibatch", epoch)})
 * @param hidden hidden-layer widths a front end builds H_θ with; the {@link Trainer} trains the
 *     model it is given and does not read this
 */
public record TrainSpec(
    int epochs,
    int batchSize,
    double learningRate,
    int window,
    Optimizer optimizer,
    Plateau plateau,
    GradientMethod gradient,
    int earlyStopping,
    long seed,
    List<Integer> hidden) {

  public TrainSpec {
    if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
    if (batchSize < 1)
      throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learning rate must be finite and > 0, got " + learningRate);
    }
    if (window < 2)
      throw new IllegalArgumentException("window must have ≥ 2 points, got " + window);
    if (optimizer == null || plateau == null || gradient == null) {
      throw new IllegalArgumentException("optimizer, plateau and gradient must not be null");
    }
    if (earlyStopping < 0)
      throw new IllegalArgumentException(
          "early-stopping patience must be ≥ 0 (0 = off), got " + earlyStopping);
    hidden = List.copyOf(hidden);
    for (int w : hidden)
      if (w < 1) throw new IllegalArgumentException("hidden widths must be ≥ 1, got " + hidden);
  }

  /** The paper's settings (paper.md §5.1, §13). */
  public static TrainSpec defaults() {
    return new TrainSpec(
        25,
        512,
        0.01,
        7,
        Adam.defaults(),
        Plateau.paper(),
        DiscreteAdjoint.defaults(),
        0,
        0,
        List.of(16, 32, 16));
  }

  public TrainSpec withEpochs(int v) {
    return new TrainSpec(
        v,
        batchSize,
        learningRate,
        window,
        optimizer,
        plateau,
        gradient,
        earlyStopping,
        seed,
        hidden);
  }

  public TrainSpec withBatchSize(int v) {
    return new TrainSpec(
        epochs, v, learningRate, window, optimizer, plateau, gradient, earlyStopping, seed, hidden);
  }

  public TrainSpec withLearningRate(double v) {
    return new TrainSpec(
        epochs, batchSize, v, window, optimizer, plateau, gradient, earlyStopping, seed, hidden);
  }

  public TrainSpec withWindow(int v) {
    return new TrainSpec(
        epochs,
        batchSize,
        learningRate,
        v,
        optimizer,
        plateau,
        gradient,
        earlyStopping,
        seed,
        hidden);
  }

  public TrainSpec withOptimizer(Optimizer v) {
    return new TrainSpec(
        epochs, batchSize, learningRate, window, v, plateau, gradient, earlyStopping, seed, hidden);
  }

  public TrainSpec withPlateau(Plateau v) {
    return new TrainSpec(
        epochs,
        batchSize,
        learningRate,
        window,
        optimizer,
        v,
        gradient,
        earlyStopping,
        seed,
        hidden);
  }

  public TrainSpec withGradient(GradientMethod v) {
    return new TrainSpec(
        epochs,
        batchSize,
        learningRate,
        window,
        optimizer,
        plateau,
        v,
        earlyStopping,
        seed,
        hidden);
  }

  public TrainSpec withEarlyStopping(int v) {
    return new TrainSpec(
        epochs, batchSize, learningRate, window, optimizer, plateau, gradient, v, seed, hidden);
  }

  public TrainSpec withSeed(long v) {
    return new TrainSpec(
        epochs,
        batchSize,
        learningRate,
        window,
        optimizer,
        plateau,
        gradient,
        earlyStopping,
        v,
        hidden);
  }

  public TrainSpec withHidden(List<Integer> v) {
    return new TrainSpec(
        epochs,
        batchSize,
        learningRate,
        window,
        optimizer,
        plateau,
        gradient,
        earlyStopping,
        seed,
        v);
  }
}

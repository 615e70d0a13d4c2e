package org.hamlab.engine.train;

/**
 * What a {@link TrainListener} hears during {@link Trainer#train}. Epochs and steps count from 1.
 */
public sealed interface TrainEvent {

  /** After each optimiser step: the minibatch loss before the step. */
  record StepEnded(
      int epoch, int step, int stepsPerEpoch, double loss, double learningRate, double secondsLeft)
      implements TrainEvent {}

  /** After each epoch (and its validation). */
  record EpochEnded(EpochRecord record, int epochs, double secondsLeft) implements TrainEvent {}

  /** Once, at the end, whatever the reason. */
  record Finished(StopReason reason, String message) implements TrainEvent {}
}

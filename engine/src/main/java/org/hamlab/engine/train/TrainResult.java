package org.hamlab.engine.train;

import java.util.List;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param parameters the best parameters (lowest monitored loss at an epoch end: validation if
 *     given, else train); the initial ones if no epoch finished. The model holds these on return.
 * @param bestEpoch epoch of {@code parameters}, 0 = initial
 * @param bestLoss monitored loss of {@code parameters}; NaN when {@code bestEpoch} is 0
 * @param lastParameters the parameters after the last applied step (the last good ones when
 *     training diverged)
 * @param history one record per finished epoch
 * @param stopReason why training ended
 * @param message a human-readable account, naming epoch and step for failures
 */
public record TrainResult(
    double[] parameters,
    int bestEpoch,
    double bestLoss,
    double[] lastParameters,
    List<EpochRecord> history,
    StopReason stopReason,
    String message) {

  public TrainResult {
    history = List.copyOf(history);
  }
}

package org.hamlab.engine.train;

/** Why training ended. */
public enum StopReason {
  /** All epochs ran. */
  COMPLETED,
  /** No new best monitored loss for {@link TrainSpec#earlyStopping()} epochs. */
  EARLY_STOPPED,
  /** The {@link CancelToken} was cancelled or the thread interrupted. */
  CANCELLED,
  /** A loss or gradient became NaN or infinite; the step was not applied. */
  DIVERGED,
  /** An implicit solve failed ({@link org.hamlab.engine.integrator.SolveException}). */
  SOLVE_FAILED
}

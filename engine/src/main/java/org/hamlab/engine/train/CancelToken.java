package org.hamlab.engine.train;

/**
 * Cooperative cancellation: {@link #cancel()} from any thread; the trainer checks it (and the
 * thread's interrupt flag) before every step and returns the best model so far.
 */
public final class CancelToken {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}

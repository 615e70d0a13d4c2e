package org.hamlab.engine.train;

/**
 * A first-order optimiser over the flat parameter vector θ. The record holds the settings; {@link
 * #start(int)} creates the mutable per-run state (moments), so one spec can drive many runs.
 */
public sealed interface Optimizer permits Adam, Sgd {

  /** Short name, e.g. {@code "adam"}. */
  String name();

  /** Fresh optimiser state for {@code parameters} parameters. */
  State start(int parameters);

  /** Mutable state of one run; not thread-safe. */
  interface State {
    /** θ ← θ − update(grad) with learning rate {@code lr}; {@code grad} is not modified. */
    void apply(double[] theta, double[] grad, double lr);
  }
}

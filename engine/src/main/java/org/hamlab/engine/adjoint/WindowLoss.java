package org.hamlab.engine.adjoint;

import org.hamlab.engine.data.Trajectories;

/**
 * The rollout loss of a batch of observation windows (paper.md §5.1).
 *
 * <p>A window has {@code N+1} points at spacing h = dt. The model rollout y_0..y_N starts from the
 * {@link Start} state and advances by implicit midpoint; the residual at point n of row b is r_n^b
 * = y_n^b − ŷ_n^b against the observed states ŷ.
 *
 * <ul>
 *   <li>{@link Scaling#PAPER}: L = MSE_q + MSE_p, each MSE averaging over B × (N+1) × d entries, so
 *       L = Σ_{n=1..N} Σ_b ‖r_n^b‖² / (B (N+1) d) and ∇ℓ_n = 2 r_n / (B (N+1) d) (paper.md §5.1,
 *       §7.3 "loss scaling as in the code"). Point 0 counts in the denominator and contributes 0 to
 *       the sum: it does not depend on θ (from the clean start its residual is the constant
 *       observation noise, which the authors' figures treat as 0).
 *   <li>{@link Scaling#PEER}: L = mean over B × N steps (1..N) × 2d components, i.e. Σ_{n=1..N} Σ_b
 *       ‖r_n^b‖² / (B N 2d), as {@code torch_hnn.py}.
 * </ul>
 *
 * <p>{@code terminalOnly} keeps only the n = N term (same denominator): the loss the authors'
 * gradient actually differentiates (paper.md §7.2); it exists for that comparison.
 *
 * @param scaling denominator convention
 * @param start where the rollout starts
 * @param terminalOnly sum only the last point
 */
public record WindowLoss(Scaling scaling, Start start, boolean terminalOnly) {

  /** Denominator convention. */
  public enum Scaling {
    PAPER,
    PEER
  }

  /** Initial state of the rollout. */
  public enum Start {
    /** The clean state y(0) (paper.md §5.1); needs {@link Trajectories#clean()}. */
    CLEAN,
    /** The first (noisy) observation, as the PyTorch peer does. */
    OBSERVED
  }

  public WindowLoss {
    if (scaling == null || start == null) {
      throw new IllegalArgumentException("scaling and start must not be null");
    }
  }

  /** Paper convention: clean start, PAPER scaling, all points. */
  public static WindowLoss paper() {
    return new WindowLoss(Scaling.PAPER, Start.CLEAN, false);
  }

  /** The PyTorch peer's convention: observed start, PEER scaling, all points. */
  public static WindowLoss peer() {
    return new WindowLoss(Scaling.PEER, Start.OBSERVED, false);
  }

  public WindowLoss withScaling(Scaling s) {
    return new WindowLoss(s, start, terminalOnly);
  }

  public WindowLoss withStart(Start s) {
    return new WindowLoss(scaling, s, terminalOnly);
  }

  public WindowLoss withTerminalOnly(boolean t) {
    return new WindowLoss(scaling, start, t);
  }

  /** The denominator D with L = Σ r² / D for {@code rows} windows of {@code points} points. */
  public double denominator(int rows, int points, int dof) {
    return switch (scaling) {
      case PAPER -> (double) rows * points * dof;
      case PEER -> (double) rows * (points - 1) * 2 * dof;
    };
  }

  /** True when point {@code n} of a window of {@code points} points enters the sum. */
  public boolean includes(int n, int points) {
    return n >= 1 && (!terminalOnly || n == points - 1);
  }

  /** The states the rollout starts from (trajectory layout, point 0 is read). */
  double[] startStates(Trajectories w) {
    if (start == Start.OBSERVED) return w.states();
    if (w.clean() == null) {
      throw new IllegalArgumentException(
          "the loss starts from the clean first state (paper.md §5.1), but "
              + w
              + " has no clean states; use WindowLoss.withStart(Start.OBSERVED) for observed-only"
              + " data");
    }
    return w.clean();
  }

  /** Checks a window batch before a loss is computed. */
  static void check(Trajectories w, int dof) {
    if (w.dof() != dof) {
      throw new IllegalArgumentException(
          "the model has " + dof + " degrees of freedom but the data has " + w.dof());
    }
    if (w.points() < 2) {
      throw new IllegalArgumentException(
          "a loss window needs at least 2 points, got "
              + w.points()
              + "; use Trajectories.window(7) or longer data");
    }
  }
}

package org.hamlab.engine.integrator;

import java.util.Arrays;

/**
 * A step failed: names the step, the batch row, the state before the step and why, and says what
 * to try (DEVELOPERS.md: a diverging solve names the step and the state).
 */
public final class SolveException extends RuntimeException {
  private final int step;
  private final int row;
  private final double[] state;
  private final StepStatus status;

  public SolveException(String integrator, double h, int step, int row, double[] state, StepStatus status) {
    super(integrator + " failed at step " + step + " (t = " + step * h + "), batch row " + row
        + ", state " + Arrays.toString(state) + ": " + status.kind().message()
        + (status.kind() == StepStatus.Kind.NOT_CONVERGED
            ? " (residual " + status.residual() + " after " + status.iterations() + " iterations)"
            : "")
        + ". Try a smaller step h (now " + h + ")"
        + (status.kind() == StepStatus.Kind.NOT_CONVERGED ? " or the Newton fallback" : "")
        + ".");
    this.step = step;
    this.row = row;
    this.state = state.clone();
    this.status = status;
  }

  /** Index of the failed step (0 = the step from t = 0). */
  public int step() { return step; }

  /** Row within the whole batch. */
  public int row() { return row; }

  /** State of that row before the failed step, {@code (q_1..q_d, p_1..p_d)}. */
  public double[] state() { return state.clone(); }

  public StepStatus status() { return status; }
}

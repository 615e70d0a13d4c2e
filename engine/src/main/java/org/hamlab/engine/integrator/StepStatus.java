package org.hamlab.engine.integrator;

/**
 * Outcome of one step. {@link #OK} is shared; a failure names the batch row (within the batch
 * passed to {@code step}), the last residual and the iterations used.
 */
public record StepStatus(Kind kind, int row, double residual, int iterations) {

  public enum Kind {
    OK("converged"),
    NOT_CONVERGED("the implicit solve did not converge within the iteration cap"),
    NON_FINITE("the state became NaN or infinite");

    private final String message;

    Kind(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  public static final StepStatus OK = new StepStatus(Kind.OK, -1, 0.0, 0);

  public boolean ok() {
    return kind == Kind.OK;
  }

  public static StepStatus notConverged(int row, double residual, int iterations) {
    return new StepStatus(Kind.NOT_CONVERGED, row, residual, iterations);
  }

  public static StepStatus nonFinite(int row) {
    return new StepStatus(Kind.NON_FINITE, row, Double.NaN, 0);
  }
}

package org.hamlab.engine.integrator;

/**
 * Settings of the non-linear solve inside an implicit step.
 *
 * @param tolerance max-norm of the change between iterates at which the solve stops
 * @param maxIterations iteration cap; reaching it is a {@link StepStatus.Kind#NOT_CONVERGED}
 * @param fallback what to do where fixed-point iteration does not contract
 */
public record ImplicitSolve(double tolerance, int maxIterations, Fallback fallback) {

  /** What takes over where the fixed-point corrector fails to converge. */
  public enum Fallback {
    /** Newton's method with the exact Hessian (2d×2d solves per row). */
    NEWTON,
    /** No fallback: report non-convergence. */
    NONE
  }

  public ImplicitSolve {
    if (!(tolerance > 0)) {
      throw new IllegalArgumentException(
          "tolerance must be > 0, got " + tolerance + "; try 1e-14 for round-off or 1e-6 for float32");
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be ≥ 1, got " + maxIterations);
    }
    if (fallback == null) throw new IllegalArgumentException("fallback must not be null");
  }

  /** Converged to round-off (relative 1e-14 of the state scale), cap 100, Newton fallback. */
  public static ImplicitSolve defaults() {
    return new ImplicitSolve(1e-14, 100, Fallback.NEWTON);
  }

  public ImplicitSolve withTolerance(double t) {
    return new ImplicitSolve(t, maxIterations, fallback);
  }

  public ImplicitSolve withMaxIterations(int k) {
    return new ImplicitSolve(tolerance, k, fallback);
  }

  public ImplicitSolve withFallback(Fallback f) {
    return new ImplicitSolve(tolerance, maxIterations, f);
  }
}

package org.hamlab.engine.adjoint;

/**
 * How the implicit midpoint equation y₁ = y₀ + h J∇H((y₀+y₁)/2) is solved inside a loss rollout
 * (paper.md §6.1): RK2 predictor y* = y₀ + h f(y₀ + (h/2) f(y₀)), optionally the authors' half-step
 * guess y⁽⁰⁾ = y₀ + (h/2) f(y*), then fixed-point sweeps y⁽ᵏ⁾ = y₀ + h f((y₀ + y⁽ᵏ⁻¹⁾)/2).
 *
 * @param sweeps the sweep cap when {@code tolerance > 0}; the exact sweep count when it is 0
 * @param tolerance stop when max_i |Δy_i| / max(1, |y_i|) ≤ tolerance; 0 = fixed sweep count
 *     <p>With {@code extrapolate}, a step after two known steps starts its sweeps from the
 *     quadratic extrapolation 3y_n − 3y_{n−1} + y_{n−2} (error O(h³) like the RK2 predictor, but
 *     free: it saves the predictor's two gradient evaluations per step). With a tolerance the
 *     solution is the same to that tolerance; with a fixed sweep count the iterate differs from the
 *     RK2-started one by the unconverged part, O((h‖S‖/2)^K·h³).
 * @param sweeps the sweep cap when {@code tolerance > 0}; the exact sweep count when it is 0
 * @param tolerance stop when max_i |Δy_i| / max(1, |y_i|) ≤ tolerance; 0 = fixed sweep count
 * @param halfStepGuess start the sweeps from the authors' half step instead of y*
 * @param extrapolate start from the extrapolation of the previous states where available
 */
public record MidpointSolve(
    int sweeps, double tolerance, boolean halfStepGuess, boolean extrapolate) {

  /** Without extrapolation. */
  public MidpointSolve(int sweeps, double tolerance, boolean halfStepGuess) {
    this(sweeps, tolerance, halfStepGuess, false);
  }

  public MidpointSolve {
    if (halfStepGuess && extrapolate) {
      throw new IllegalArgumentException(
          "the half-step guess and extrapolation are two different starts; choose one");
    }
    if (sweeps < 0 || (tolerance > 0 && sweeps < 1)) {
      throw new IllegalArgumentException(
          "sweeps must be ≥ 1 (≥ 0 for a fixed count), got " + sweeps);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance must be ≥ 0 (0 = fixed sweep count), got " + tolerance);
    }
  }

  /**
   * Converged to round-off: tolerance 1e-14, at most 100 sweeps, starting from the extrapolated
   * previous states (the RK2 predictor for the first two steps).
   */
  public static MidpointSolve converged() {
    return new MidpointSolve(100, 1e-14, false, true);
  }

  /** Exactly {@code k} sweeps after the RK2 predictor, as the PyTorch peer ({@code --n k}). */
  public static MidpointSolve fixed(int k) {
    return new MidpointSolve(k, 0, false);
  }

  /** The authors' training solve (paper.md §6.1): half-step guess and 6 sweeps. */
  public static MidpointSolve authors() {
    return new MidpointSolve(6, 0, true);
  }

  public boolean isFixed() {
    return tolerance == 0;
  }

  public MidpointSolve withSweeps(int k) {
    return new MidpointSolve(k, tolerance, halfStepGuess, extrapolate);
  }

  public MidpointSolve withTolerance(double t) {
    return new MidpointSolve(sweeps, t, halfStepGuess, extrapolate);
  }

  public MidpointSolve withHalfStepGuess(boolean g) {
    return new MidpointSolve(sweeps, tolerance, g, extrapolate);
  }

  public MidpointSolve withExtrapolate(boolean e) {
    return new MidpointSolve(sweeps, tolerance, halfStepGuess, e);
  }
}

package org.hamlab.engine.adjoint;

/**
 * How the adjoint's linear system (I − (h/2) A_nᵀ) μ_n = λ_{n+1} is solved, A_nᵀ μ = S_n Jᵀ μ with
 * S_n = ∇²H_θ(ȳ_n) (paper.md §7.3).
 *
 * <ul>
 *   <li>{@link Kind#EXACT}: build S_n with {@code hessian(...)} and solve the 2d×2d system per row
 *       (closed form for d = 1, pivoted elimination otherwise). One Hessian per step; the peer
 *       README measured this ~15 % faster than fixed point for d = 1.
 *   <li>{@link Kind#FIXED_POINT}: μ ← λ + (h/2) S Jᵀ μ from μ = λ, with one Hessian-vector product
 *       per iteration; converges when (h/2)‖S‖ &lt; 1. With {@code tolerance} 0 it runs exactly
 *       {@code iterations} times (the peer's {@code --adj-iters}).
 * </ul>
 *
 * @param kind solver
 * @param iterations fixed-point cap (or exact count when tolerance is 0)
 * @param tolerance fixed-point stop: max|Δμ| ≤ tolerance · max|λ_{n+1}| over the tile
 */
public record AdjointSolve(Kind kind, int iterations, double tolerance) {

  public enum Kind {
    EXACT,
    FIXED_POINT
  }

  public AdjointSolve {
    if (kind == null) throw new IllegalArgumentException("kind must not be null");
    if (iterations < 1)
      throw new IllegalArgumentException("iterations must be ≥ 1, got " + iterations);
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException(
          "tolerance must be ≥ 0 (0 = fixed count), got " + tolerance);
    }
  }

  /** Exact per-row solve with the full Hessian. */
  public static AdjointSolve exact() {
    return new AdjointSolve(Kind.EXACT, 1, 0);
  }

  /** Fixed point with Hessian-vector products to relative 1e-15 of λ, at most 100 iterations. */
  public static AdjointSolve fixedPoint() {
    return new AdjointSolve(Kind.FIXED_POINT, 100, 1e-15);
  }

  /** Exactly {@code k} fixed-point iterations (the peer's adjoint). */
  public static AdjointSolve fixedPoint(int k) {
    return new AdjointSolve(Kind.FIXED_POINT, k, 0);
  }
}

package org.hamlab.engine.adjoint;

import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The gradient of the authors' released G2 code (paper.md §7.2), reproduced behind an explicit name
 * for comparison. <b>Not recommended</b>: it is not the gradient of the reported loss. In effect it
 * is the gradient of the terminal-point loss (cosine ≈ 0.99998 with it; mean cosine 0.468 with the
 * true window-loss gradient over random trials, paper.md §7.2).
 *
 * <p>Every deviation from {@link DiscreteAdjoint}, as in the released code:
 *
 * <ol>
 *   <li>terminal-only seeding: λ_N = ∇ℓ_N(y_N); intermediate observation terms are dropped;
 *   <li>no transpose: λ is integrated along λ̇ = −Aλ with A = ∂f/∂y = J S, not −Aᵀλ;
 *   <li>A frozen at the destination node y_idx of each backward step, not at the midpoint;
 *   <li>the backward step is the IM predictor–corrector of the forward pass ({@link #solve()}: RK2
 *       predictor, half-step guess, 6 sweeps) with dt = −h;
 *   <li>trapezoid quadrature g = Σ_k w_k Σ_b ∂_θ[λ_k·f(y_k)], w = h/2 at both ends, h inside, at
 *       the nodes instead of the midpoint rule;
 *   <li>an extra 1/B on top of the loss's 1/(B(N+1)d) ({@code extraBatchFactor}, paper.md §5.1).
 * </ol>
 *
 * The forward pass also uses {@link #solve()} (the authors' 6 sweeps with the half-step guess).
 *
 * @param windowLoss the reported loss (default {@link WindowLoss#paper()}); the gradient ignores
 *     all but its last point
 * @param solve forward and λ solves (default {@link MidpointSolve#authors()})
 * @param extraBatchFactor divide the gradient by B once more, as the code does
 * @param tile rows per tile (default 64)
 */
public record AuthorsGradient(
    WindowLoss windowLoss, MidpointSolve solve, boolean extraBatchFactor, int tile)
    implements GradientMethod {

  public AuthorsGradient {
    if (windowLoss == null || solve == null)
      throw new IllegalArgumentException("options must not be null");
    if (tile < 1) throw new IllegalArgumentException("tile must be ≥ 1 row, got " + tile);
  }

  public static AuthorsGradient defaults() {
    return new AuthorsGradient(WindowLoss.paper(), MidpointSolve.authors(), true, 64);
  }

  @Override
  public String name() {
    return "authors";
  }

  public AuthorsGradient withWindowLoss(WindowLoss l) {
    return new AuthorsGradient(l, solve, extraBatchFactor, tile);
  }

  public AuthorsGradient withSolve(MidpointSolve s) {
    return new AuthorsGradient(windowLoss, s, extraBatchFactor, tile);
  }

  public AuthorsGradient withExtraBatchFactor(boolean f) {
    return new AuthorsGradient(windowLoss, solve, f, tile);
  }

  public AuthorsGradient withTile(int t) {
    return new AuthorsGradient(windowLoss, solve, extraBatchFactor, t);
  }

  @Override
  public long retainedDoubles(int dof, int rows, int steps, int parameters) {
    int dim = 2 * dof;
    long tiles = Tiles.count(rows, tile);
    // node states N+1, work: g, mid, lambda, next, v
    return (steps + 1L + 5) * dim * rows + tiles * parameters;
  }

  double tile(
      ParametricHamiltonian model,
      WindowBatch w,
      double c,
      int from,
      int m,
      double[] grad,
      Buffers buf) {
    double scale = extraBatchFactor ? 1.0 / w.size() : 1.0;
    int d = model.dof(), dim = 2 * d, u = dim * m, steps = w.steps();
    double h = w.h();
    double[][] y = new double[steps + 1][];
    for (int i = 0; i <= steps; i++) y[i] = buf.get(u);
    double[] g = buf.get(u), mid = buf.get(u);
    w.loadStart(from, m, y[0]);
    double sum = 0;
    for (int n = 0; n < steps; n++) {
      w.require(
          Midpoint.solve(model, h, y[n], y[n + 1], m, solve, g, mid),
          "implicit-midpoint",
          n,
          from,
          y[n],
          m);
      if (w.includes(n + 1)) sum += w.squaredResidual(y[n + 1], n + 1, from, m);
    }
    double[] lambda = buf.get(u), next = buf.get(u), v = buf.get(u);
    w.addResidual(0, null, c, y[steps], steps, from, m, lambda);
    FrozenJacobian frozen = new FrozenJacobian(model);
    Midpoint.scaledJt(lambda, scale * 0.5 * h, v, d, m);
    model.accumulateMixed(y[steps], v, m, grad);
    for (int idx = steps - 1; idx >= 0; idx--) {
      // λ̇ = −A λ stepped by −h, i.e. the IM predictor–corrector on λ̇ = Aλ with +h, A = J S(y_idx)
      frozen.at = y[idx];
      w.require(
          Midpoint.solve(frozen, h, lambda, next, m, solve, g, mid),
          "authors' adjoint",
          idx,
          from,
          lambda,
          m);
      double[] t = lambda;
      lambda = next;
      next = t;
      double weight = idx == 0 ? 0.5 * h : h;
      Midpoint.scaledJt(lambda, scale * weight, v, d, m);
      model.accumulateMixed(y[idx], v, m, grad);
    }
    return sum;
  }

  /** The linear field x ↦ J S(at) x written as the gradient of G(x) = ½ xᵀ S(at) x. */
  private static final class FrozenJacobian implements Hamiltonian {
    private final Hamiltonian model;
    double[] at;

    FrozenJacobian(Hamiltonian model) {
      this.model = model;
    }

    @Override
    public String name() {
      return "frozen Jacobian of " + model.name();
    }

    @Override
    public int dof() {
      return model.dof();
    }

    @Override
    public void value(double[] z, int n, double[] out) {
      throw new UnsupportedOperationException(
          "only the gradient of the frozen linearisation is used");
    }

    @Override
    public void gradient(double[] z, int n, double[] out) {
      model.hessianVector(at, z, n, out);
    }

    @Override
    public void hessianVector(double[] z, double[] v, int n, double[] out) {
      model.hessianVector(at, v, n, out);
    }
  }
}

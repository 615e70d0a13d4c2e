package org.hamlab.engine.adjoint;

import org.hamlab.engine.integrator.SolveException;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.simd.HessianTangents;

/**
 * The exact discrete adjoint of the implicit midpoint rule (paper.md §7.3), with every observation
 * term: the recommended gradient.
 *
 * <p>Forward: y_{n+1} = y_n + h f_θ(ȳ_n), ȳ_n = ½(y_n + y_{n+1}), solved per {@link #solve()}.
 * Backward, from λ_N = ∇ℓ_N(y_N): for n = N−1..0 solve (I − (h/2)A_nᵀ) μ_n = λ_{n+1} with A_nᵀ μ =
 * S_n Jᵀμ, S_n = ∇²H_θ(ȳ_n) ({@link AdjointSolve}); then λ_n = ∇ℓ_n(y_n) + 2μ_n − λ_{n+1} and g +=
 * h ∂_θ[(Jᵀμ_n)·∇H_θ](ȳ_n). dL/dθ = g. "The adjoint of IM is IM": the backward step is implicit
 * midpoint on λ̇ = −Aᵀλ with A frozen at the forward midpoint, so the gradient is exact for the
 * implicit map (to the forward solve tolerance), not an approximation of a continuous adjoint.
 *
 * <p>Memory: {@link Checkpoints#none()} (default) keeps only y_N per row and reconstructs the
 * earlier states by the reversible step, so memory does not grow with L, at the cost of one extra
 * implicit solve per step and a reconstruction drift (see {@link Checkpoints}); {@link
 * Checkpoints#all()} stores the N+1 states (O(L·B·2d), fastest).
 *
 * @param windowLoss the loss (default {@link WindowLoss#paper()})
 * @param solve forward (and reconstruction) solve, default {@link MidpointSolve#converged()}
 * @param adjointSolve the per-step linear solve, default {@link AdjointSolve#exact()}
 * @param checkpoints which states are kept, default {@link Checkpoints#none()}
 * @param tile rows per tile, default 64
 */
public record DiscreteAdjoint(
    WindowLoss windowLoss,
    MidpointSolve solve,
    AdjointSolve adjointSolve,
    Checkpoints checkpoints,
    int tile)
    implements GradientMethod {

  public DiscreteAdjoint {
    if (windowLoss == null || solve == null || adjointSolve == null || checkpoints == null) {
      throw new IllegalArgumentException("DiscreteAdjoint options must not be null");
    }
    if (tile < 1) throw new IllegalArgumentException("tile must be ≥ 1 row, got " + tile);
  }

  public static DiscreteAdjoint defaults() {
    return new DiscreteAdjoint(
        WindowLoss.paper(),
        MidpointSolve.converged(),
        AdjointSolve.exact(),
        Checkpoints.none(),
        64);
  }

  @Override
  public String name() {
    return "adjoint";
  }

  public DiscreteAdjoint withWindowLoss(WindowLoss l) {
    return new DiscreteAdjoint(l, solve, adjointSolve, checkpoints, tile);
  }

  public DiscreteAdjoint withSolve(MidpointSolve s) {
    return new DiscreteAdjoint(windowLoss, s, adjointSolve, checkpoints, tile);
  }

  public DiscreteAdjoint withAdjointSolve(AdjointSolve s) {
    return new DiscreteAdjoint(windowLoss, solve, s, checkpoints, tile);
  }

  public DiscreteAdjoint withCheckpoints(Checkpoints c) {
    return new DiscreteAdjoint(windowLoss, solve, adjointSolve, c, tile);
  }

  public DiscreteAdjoint withTile(int t) {
    return new DiscreteAdjoint(windowLoss, solve, adjointSolve, checkpoints, t);
  }

  @Override
  public long retainedDoubles(int dof, int rows, int steps, int parameters) {
    int dim = 2 * dof;
    long tiles = Tiles.count(rows, tile);
    boolean exact = adjointSolve.kind() == AdjointSolve.Kind.EXACT;
    // kept states + cur, nxt, g, mid + two earlier states + lambda, mu, v + two later states +
    // Hessian (dim states) or one HVP buffer
    long perRowState = checkpoints.kept(steps) + 11L + (exact ? dim : 1);
    long perTile = parameters + (exact && dof > 1 ? (long) dim * (dim + 1) : 0);
    return perRowState * dim * rows + tiles * perTile;
  }

  double tile(
      ParametricHamiltonian model,
      WindowBatch w,
      double c,
      int from,
      int m,
      double[] grad,
      Buffers buf) {
    int d = model.dof(), dim = 2 * d, u = dim * m, steps = w.steps();
    double h = w.h();
    double[][] kept = new double[checkpoints.kept(steps)][];
    for (int i = 0; i < kept.length; i++) kept[i] = buf.get(u);
    double[] cur = buf.get(u), nxt = buf.get(u), g = buf.get(u), mid = buf.get(u);
    w.loadStart(from, m, cur);
    if (checkpoints.keeps(0, steps)) {
      System.arraycopy(cur, 0, kept[checkpoints.slot(0, steps)], 0, u);
    }
    double sum = 0;
    // y_{n−1}, y_{n−2} for the extrapolated start (MidpointSolve.extrapolate)
    double[] earlier1 = buf.get(u), earlier2 = buf.get(u);
    for (int n = 0; n < steps; n++) {
      w.require(
          Midpoint.advance(model, h, cur, earlier1, earlier2, n, nxt, m, solve, g, mid),
          "implicit-midpoint",
          n,
          from,
          cur,
          m);
      double[] t = earlier2;
      earlier2 = earlier1;
      earlier1 = cur;
      cur = nxt;
      nxt = t;
      if (w.includes(n + 1)) sum += w.squaredResidual(cur, n + 1, from, m);
      if (checkpoints.keeps(n + 1, steps)) {
        System.arraycopy(cur, 0, kept[checkpoints.slot(n + 1, steps)], 0, u);
      }
    }
    boolean exact = adjointSolve.kind() == AdjointSolve.Kind.EXACT;
    double[] lambda = buf.get(u), mu = buf.get(u), v = buf.get(u);
    double[] hess = buf.get(exact ? dim * u : u);
    double[] work = exact && d > 1 ? buf.get(dim * (dim + 1)) : null;
    ExactStep step = exact ? new ExactStep(w, h, mid, lambda, mu, work, d, m, from) : null;
    // λ_N = ∇ℓ_N(y_N) (paper.md §7.3); cur holds y_N
    w.addResidual(0, null, c, cur, steps, from, m, lambda);
    // y_{n+2}, y_{n+3}: the extrapolated start of the reverse solve (Midpoint.reconstruct)
    double[] later1 = buf.get(u), later2 = buf.get(u);
    int known = 0;
    for (int n = steps - 1; n >= 0; n--) {
      if (checkpoints.keeps(n, steps)) {
        System.arraycopy(kept[checkpoints.slot(n, steps)], 0, nxt, 0, u);
      } else if (n == 0) {
        w.loadStart(from, m, nxt); // y_0 is data: no need to reconstruct it
      } else {
        w.require(
            Midpoint.reconstruct(model, h, cur, later1, later2, known, nxt, m, solve, g, mid),
            "implicit-midpoint (reverse reconstruction)",
            n + 1,
            from,
            cur,
            m);
      }
      for (int i = 0; i < u; i++) mid[i] = 0.5 * (nxt[i] + cur[i]);
      if (exact) {
        step.at(n);
        model.hessianThenMixed(mid, m, hess, step, v, grad);
      } else {
        solveMu(model, w, h, mid, lambda, mu, v, hess, d, m, n, from);
        Midpoint.scaledJt(mu, h, v, d, m);
        model.accumulateMixed(mid, v, m, grad);
      }
      if (n > 0) {
        // λ_n = ∇ℓ_n(y_n) + 2μ_n − λ_{n+1}
        for (int i = 0; i < u; i++) lambda[i] = 2 * mu[i] - lambda[i];
        if (w.includes(n)) w.addResidual(1, lambda, c, nxt, n, from, m, lambda);
      }
      double[] t = later2;
      later2 = later1;
      later1 = cur;
      cur = nxt;
      nxt = t;
      known = Math.min(known + 1, 2);
    }
    return sum;
  }

  /** (I − (h/2) S Jᵀ) μ = λ at the midpoint by fixed-point iteration ({@link AdjointSolve}). */
  private void solveMu(
      ParametricHamiltonian model,
      WindowBatch w,
      double h,
      double[] mid,
      double[] lambda,
      double[] mu,
      double[] v,
      double[] hess,
      int d,
      int m,
      int step,
      int from) {
    int u = 2 * d * m;
    double scale = 0;
    for (int i = 0; i < u; i++) scale = Math.max(scale, Math.abs(lambda[i]));
    System.arraycopy(lambda, 0, mu, 0, u);
    double tol = adjointSolve.tolerance() * scale;
    for (int it = 1; it <= adjointSolve.iterations(); it++) {
      Midpoint.scaledJt(mu, 1, v, d, m);
      model.hessianVector(mid, v, m, hess);
      double change = 0;
      int worst = 0;
      for (int i = 0; i < u; i++) {
        double next = lambda[i] + 0.5 * h * hess[i];
        double ch = Math.abs(next - mu[i]);
        if (!(ch <= change)) {
          change = ch;
          worst = i % m;
        }
        mu[i] = next;
      }
      if (adjointSolve.tolerance() == 0) continue;
      if (!(change <= tol) && (it == adjointSolve.iterations() || !Double.isFinite(change))) {
        throw new SolveException(
            "discrete adjoint (fixed point)",
            h,
            step,
            w.row(from + worst),
            org.hamlab.engine.integrator.Rollout.row(mid, m, 2 * d, worst),
            StepStatus.notConverged(worst, change, it));
      }
      if (change <= tol) return;
    }
  }

  /**
   * The exact backward step's row solve, run between the Hessian and the mixed derivative of
   * {@link ParametricHamiltonian#hessianThenMixed}: (I − (h/2) S_n Jᵀ) μ_n = λ_{n+1} per row
   * (paper.md §7.3), then v = h Jᵀμ_n. One per tile, reused for every step; synchronized because
   * the 2d×2d elimination shares one work array.
   */
  private static final class ExactStep implements HessianTangents {
    private final WindowBatch batch;
    private final double h;
    private final double[] mid, lambda, mu, work;
    private final int d, m, from;
    private int step;

    ExactStep(
        WindowBatch batch,
        double h,
        double[] mid,
        double[] lambda,
        double[] mu,
        double[] work,
        int d,
        int m,
        int from) {
      this.batch = batch;
      this.h = h;
      this.mid = mid;
      this.lambda = lambda;
      this.mu = mu;
      this.work = work;
      this.d = d;
      this.m = m;
      this.from = from;
    }

    void at(int n) {
      step = n;
    }

    @Override
    public synchronized void tangents(double[] hess, int n, int first, int rows, double[] v) {
      int bad = Midpoint.solveAdjointSystem(hess, h, lambda, mu, d, m, first, rows, work);
      if (bad >= 0) {
        throw new SolveException(
            "discrete adjoint (I − (h/2)SJᵀ singular or non-finite)",
            h,
            step,
            batch.row(from + bad),
            org.hamlab.engine.integrator.Rollout.row(mid, m, 2 * d, bad),
            StepStatus.nonFinite(bad));
      }
      Midpoint.scaledJt(mu, h, v, d, m, first, rows);
    }
  }
}

package org.hamlab.engine.adjoint;

import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.parallel.Tiles;

/**
 * Backpropagation through time through the fixed-sweep solver (paper.md §7.5): the exact gradient
 * of the explicit map "RK2 predictor (+ half-step guess) + K fixed-point sweeps" (§6.1), with a
 * stored tape. The reference for {@link DiscreteAdjoint} (they agree to O((h‖S‖/2)^K)) and the
 * memory contrast: the tape holds every network input of every step, O(L·B·2d·(K+2)).
 *
 * <p>Reverse sweep of one step: with f = J∇H, the cotangent c of a term h·f(x) contributes x̄ +=
 * S(x)(h Jᵀc) and θ̄ += ∂_θ[(h Jᵀc)·∇H](x) (paper.md §7.4 items 3 and 4). The network activations
 * are recomputed from the stored inputs inside those two calls rather than stored.
 *
 * @param windowLoss the loss (default {@link WindowLoss#paper()})
 * @param solve the differentiated forward map; must be a fixed sweep count (default 6 sweeps)
 * @param tile rows per tile (default 64)
 */
public record Backprop(WindowLoss windowLoss, MidpointSolve solve, int tile)
    implements GradientMethod {

  public Backprop {
    if (windowLoss == null || solve == null)
      throw new IllegalArgumentException("Backprop options must not be null");
    if (solve.extrapolate()) {
      throw new IllegalArgumentException(
          "backprop differentiates the predictor-started map; extrapolate must be false");
    }
    if (!solve.isFixed()) {
      throw new IllegalArgumentException(
          "backprop differentiates a fixed number of sweeps; use "
              + "MidpointSolve.fixed(k) (tolerance 0), got tolerance "
              + solve.tolerance());
    }
    if (tile < 1) throw new IllegalArgumentException("tile must be ≥ 1 row, got " + tile);
  }

  public static Backprop defaults() {
    return new Backprop(WindowLoss.paper(), MidpointSolve.fixed(6), 64);
  }

  @Override
  public String name() {
    return "backprop";
  }

  public Backprop withWindowLoss(WindowLoss l) {
    return new Backprop(l, solve, tile);
  }

  public Backprop withSolve(MidpointSolve s) {
    return new Backprop(windowLoss, s, tile);
  }

  public Backprop withTile(int t) {
    return new Backprop(windowLoss, solve, t);
  }

  /** Network inputs stored per step besides y_n: the predictor midpoint, y* if needed, K sweeps. */
  private int tapePerStep() {
    return 1 + (solve.halfStepGuess() ? 1 : 0) + solve.sweeps();
  }

  @Override
  public long retainedDoubles(int dof, int rows, int steps, int parameters) {
    int dim = 2 * dof;
    long tiles = Tiles.count(rows, tile);
    // states N+1, tape N·E, work: g, z, acc, zbar, v, hv
    long perRowState = steps + 1L + (long) steps * tapePerStep() + 6;
    return perRowState * dim * rows + tiles * parameters;
  }

  double tile(
      ParametricHamiltonian model,
      WindowBatch w,
      double c,
      int from,
      int m,
      double[] grad,
      Buffers buf) {
    int d = model.dof(), dim = 2 * d, u = dim * m, steps = w.steps(), e = tapePerStep();
    double h = w.h();
    int sweeps = solve.sweeps();
    boolean half = solve.halfStepGuess();
    double[][] y = new double[steps + 1][], tape = new double[steps * e][];
    for (int i = 0; i <= steps; i++) y[i] = buf.get(u);
    for (int i = 0; i < tape.length; i++) tape[i] = buf.get(u);
    double[] g = buf.get(u), z = buf.get(u);
    w.loadStart(from, m, y[0]);
    double sum = 0;
    for (int n = 0; n < steps; n++) {
      double[] y0 = y[n];
      int t = n * e;
      // predictor: a = y + (h/2) f(y); y* = y + h f(a)
      model.gradient(y0, m, g);
      Midpoint.axpyField(y0, 0.5 * h, g, tape[t], d, m);
      model.gradient(tape[t++], m, g);
      Midpoint.axpyField(y0, h, g, z, d, m);
      if (half) {
        System.arraycopy(z, 0, tape[t], 0, u);
        model.gradient(tape[t++], m, g);
        Midpoint.axpyField(y0, 0.5 * h, g, z, d, m);
      }
      for (int k = 0; k < sweeps; k++) {
        double[] mk = tape[t++];
        for (int i = 0; i < u; i++) mk[i] = 0.5 * (y0[i] + z[i]);
        model.gradient(mk, m, g);
        Midpoint.axpyField(y0, h, g, z, d, m);
      }
      for (int i = 0; i < u; i++) {
        if (!Double.isFinite(z[i])) {
          w.require(
              StepStatus.nonFinite(i % m),
              "implicit-midpoint (" + sweeps + " sweeps)",
              n,
              from,
              y0,
              m);
        }
      }
      System.arraycopy(z, 0, y[n + 1], 0, u);
      if (w.includes(n + 1)) sum += w.squaredResidual(z, n + 1, from, m);
    }
    double[] acc = buf.get(u), zbar = buf.get(u), v = buf.get(u), hv = buf.get(u);
    double[] ybar = z; // reuse: cotangent on y_{n+1}
    w.addResidual(0, null, c, y[steps], steps, from, m, ybar);
    for (int n = steps - 1; n >= 0; n--) {
      int t = n * e + e - 1;
      java.util.Arrays.fill(acc, 0, u, 0.0);
      System.arraycopy(ybar, 0, zbar, 0, u);
      // z_i = y + h f(m_i), m_i = (y + z_{i−1})/2
      for (int k = sweeps; k >= 1; k--) {
        double[] mk = tape[t--];
        reverse(model, mk, zbar, h, acc, v, hv, grad, d, m);
        for (int i = 0; i < u; i++) {
          double half2 = 0.5 * hv[i];
          acc[i] += half2;
          zbar[i] = half2;
        }
      }
      if (half) {
        // z_0 = y + (h/2) f(y*)
        reverse(model, tape[t--], zbar, 0.5 * h, acc, v, hv, grad, d, m);
        System.arraycopy(hv, 0, zbar, 0, u);
      }
      // y* = y + h f(a)
      reverse(model, tape[t], zbar, h, acc, v, hv, grad, d, m);
      // a = y + (h/2) f(y)
      reverse(model, y[n], hv, 0.5 * h, acc, v, zbar, grad, d, m);
      if (n > 0) {
        for (int i = 0; i < u; i++) ybar[i] = acc[i] + zbar[i];
        if (w.includes(n)) w.addResidual(1, ybar, c, y[n], n, from, m, ybar);
      }
    }
    return sum;
  }

  /**
   * Reverse of out = y + s·f(x) with cotangent cbar on out: acc += cbar (the y path), θ̄ += ∂_θ[(s
   * Jᵀ cbar)·∇H](x), and xbar = S(x)(s Jᵀ cbar) is written to {@code xbar}.
   */
  private static void reverse(
      ParametricHamiltonian model,
      double[] x,
      double[] cbar,
      double s,
      double[] acc,
      double[] v,
      double[] xbar,
      double[] grad,
      int d,
      int m) {
    int u = 2 * d * m;
    for (int i = 0; i < u; i++) acc[i] += cbar[i];
    Midpoint.scaledJt(cbar, s, v, d, m);
    model.hessianVectorAndMixed(x, v, m, xbar, grad);
  }
}

package org.hamlab.engine.baseline;

import java.util.Arrays;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.Tao;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * The NSSNN loss of Xiong et al. (paper.md §4.3): one step of Tao's extended-phase-space integrator
 * (paper.md §6.4, binding ω, one sub-step of h = {@code dt()}) of H_θ from (q₀, p₀, x₀ = q₀,
 * y₀ = p₀), compared in L1 with the target (q̂₁, p̂₁, q̂₁, p̂₁):
 * <pre>
 *   L = Σ_b Σ_k |z_k^b − t_k^b| / (B·4d)   (PyTorch L1Loss, mean over all 4d·B entries)
 * </pre>
 * The pairs hold physical states only, so the target of (x, y) is the observed (q̂₁, p̂₁); for
 * data made by Tao's integrator itself x₁ − q₁ is of order h³ and far below the noise.
 *
 * <p>Gradient (backprop through the explicit step): the step is φ_A ∘ φ_B ∘ φ_C ∘ φ_B ∘ φ_A with
 * stage points w (φ_A evaluates ∇H_θ at (q, y), φ_B at (x, p)). With λ the adjoint of a stage's
 * output and τ = h/2, φ_A contributes ∂θ[v·∇H_θ(w)] with v = (−τλ_p, τλ_x) and passes back
 * λ_q += (∇²H_θ v)_q, λ_y += (∇²H_θ v)_p; φ_B likewise with v = (−τλ_y, τλ_q), λ_x += (∇²H_θ v)_q,
 * λ_p += (∇²H_θ v)_p; φ_C is a rotation and passes λ back through its transpose.
 *
 * @param omega Tao's binding ω (the baseline uses 20)
 */
public record TaoPredictionLoss(double omega) implements PairLoss {

  public TaoPredictionLoss {
    if (!(omega > 0) || !Double.isFinite(omega)) {
      throw new IllegalArgumentException("binding omega must be finite and > 0, got " + omega
          + " (the baseline uses 20)");
    }
  }

  /** ω = 20 (paper.md §4.3). */
  public TaoPredictionLoss() {
    this(20.0);
  }

  @Override
  public String name() {
    return "tao-l1";
  }

  @Override
  public double loss(ParametricHamiltonian model, Trajectories pairs) {
    PairLoss.check(model, pairs, null);
    return run(model, pairs, null);
  }

  @Override
  public double lossAndGradient(ParametricHamiltonian model, Trajectories pairs, double[] grad) {
    PairLoss.check(model, pairs, grad);
    Arrays.fill(grad, 0, model.parameterCount(), 0.0);
    return run(model, pairs, grad);
  }

  /**
   * One Tao step of {@code model} from the physical states {@code z0} ({@code 2d*n}); returns the
   * extended state (q, p, x, y), {@code 4d*n}. Equal to {@link Tao#step} (up to rounding order).
   */
  public double[] step(ParametricHamiltonian model, double h, double[] z0, int n) {
    return forward(model, h, z0, n, new double[4][]);
  }

  // z blocks (each half = d·n): q at 0, p at half, x at 2·half, y at 3·half
  private double[] forward(ParametricHamiltonian model, double h, double[] z0, int n, double[][] w) {
    int half = model.dof() * n;
    double[] z = new double[4 * half], g = new double[2 * half];
    System.arraycopy(z0, 0, z, 0, 2 * half);
    System.arraycopy(z0, 0, z, 2 * half, 2 * half);
    double tau = 0.5 * h;
    w[0] = stage(z, 0, 3 * half, half);
    phiA(model, tau, z, w[0], g, n, half);
    w[1] = stage(z, 2 * half, half, half);
    phiB(model, tau, z, w[1], g, n, half);
    rotate(z, half, 2 * omega * h, false);
    w[2] = stage(z, 2 * half, half, half);
    phiB(model, tau, z, w[2], g, n, half);
    w[3] = stage(z, 0, 3 * half, half);
    phiA(model, tau, z, w[3], g, n, half);
    return z;
  }

  private double run(ParametricHamiltonian model, Trajectories pairs, double[] grad) {
    int n = pairs.count(), half = pairs.dof() * n, len = 2 * half;
    double h = pairs.dt();
    double[] y = pairs.states();
    double[][] w = new double[4][];
    double[] z = forward(model, h, Arrays.copyOf(y, len), n, w);
    double denominator = 4.0 * half, sum = 0;
    double[] lambda = grad == null ? null : new double[4 * half];
    for (int i = 0; i < 4 * half; i++) {
      double r = z[i] - y[len + (i % len)];
      sum += Math.abs(r);
      if (lambda != null) lambda[i] = Math.signum(r) / denominator;
    }
    if (grad != null) backward(model, h, w, lambda, grad, n, half);
    return sum / denominator;
  }

  private void backward(ParametricHamiltonian model, double h, double[][] w, double[] lambda,
      double[] grad, int n, int half) {
    double tau = 0.5 * h;
    double[] v = new double[2 * half], hv = new double[2 * half];
    // φ_A (last stage): v = (−τλ_p, τλ_x) at w = (q, y)
    fill(v, -tau, lambda, half, tau, lambda, 2 * half, half);
    model.hessianVectorAndMixed(w[3], v, n, hv, grad);
    add(lambda, 0, hv, 0, half);
    add(lambda, 3 * half, hv, half, half);
    // φ_B: v = (−τλ_y, τλ_q) at w = (x, p)
    fill(v, -tau, lambda, 3 * half, tau, lambda, 0, half);
    model.hessianVectorAndMixed(w[2], v, n, hv, grad);
    add(lambda, 2 * half, hv, 0, half);
    add(lambda, half, hv, half, half);
    rotate(lambda, half, 2 * omega * h, true);
    fill(v, -tau, lambda, 3 * half, tau, lambda, 0, half);
    model.hessianVectorAndMixed(w[1], v, n, hv, grad);
    add(lambda, 2 * half, hv, 0, half);
    add(lambda, half, hv, half, half);
    // first φ_A: only its parameter term is needed
    fill(v, -tau, lambda, half, tau, lambda, 2 * half, half);
    model.accumulateMixed(w[0], v, n, grad);
  }

  private static double[] stage(double[] z, int qAt, int pAt, int half) {
    double[] w = new double[2 * half];
    System.arraycopy(z, qAt, w, 0, half);
    System.arraycopy(z, pAt, w, half, half);
    return w;
  }

  /** φ_A(τ): p −= τ ∂_qH(q, y), x += τ ∂_pH(q, y). */
  private static void phiA(ParametricHamiltonian m, double tau, double[] z, double[] w, double[] g,
      int n, int half) {
    m.gradient(w, n, g);
    for (int i = 0; i < half; i++) {
      z[half + i] -= tau * g[i];
      z[2 * half + i] += tau * g[half + i];
    }
  }

  /** φ_B(τ): q += τ ∂_pH(x, p), y −= τ ∂_qH(x, p). */
  private static void phiB(ParametricHamiltonian m, double tau, double[] z, double[] w, double[] g,
      int n, int half) {
    m.gradient(w, n, g);
    for (int i = 0; i < half; i++) {
      z[i] += tau * g[half + i];
      z[3 * half + i] -= tau * g[i];
    }
  }

  /**
   * φ_C: with u = ½(q − x, p − y), s = ½(q + x, p + y), u rotated by the angle; or, with {@code
   * transpose}, the transposed linear map applied to an adjoint vector.
   */
  private static void rotate(double[] z, int half, double angle, boolean transpose) {
    double c = Math.cos(angle), s = Math.sin(angle);
    for (int i = 0; i < half; i++) {
      double q = z[i], p = z[half + i], x = z[2 * half + i], y = z[3 * half + i];
      if (!transpose) {
        double uq = 0.5 * (q - x), up = 0.5 * (p - y), sq = 0.5 * (q + x), sp = 0.5 * (p + y);
        double rq = c * uq + s * up, rp = -s * uq + c * up;
        z[i] = sq + rq;
        z[half + i] = sp + rp;
        z[2 * half + i] = sq - rq;
        z[3 * half + i] = sp - rp;
      } else {
        double lsq = q + x, lsp = p + y, lrq = q - x, lrp = p - y;
        double luq = c * lrq - s * lrp, lup = s * lrq + c * lrp;
        z[i] = 0.5 * (lsq + luq);
        z[2 * half + i] = 0.5 * (lsq - luq);
        z[half + i] = 0.5 * (lsp + lup);
        z[3 * half + i] = 0.5 * (lsp - lup);
      }
    }
  }

  /** v = (a·λ[aAt..], b·λ[bAt..]) in (q, p) blocks. */
  private static void fill(double[] v, double a, double[] lambda, int aAt, double b, double[] l2,
      int bAt, int half) {
    for (int i = 0; i < half; i++) {
      v[i] = a * lambda[aAt + i];
      v[half + i] = b * l2[bAt + i];
    }
  }

  private static void add(double[] target, int at, double[] src, int from, int len) {
    for (int i = 0; i < len; i++) target[at + i] += src[from + i];
  }
}

package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Tao's explicit integrator in extended phase space (paper.md §6.4; Tao 2016, Phys. Rev. E 94,
 * 043303), the NSSNN baseline's integrator. The state is (q, p, x, y), 4d components in the
 * engine's layout ({@link #stateDim} = 2·dim; q, p are components 0..2d−1, x, y are 2d..4d−1);
 * {@link #extend} starts from x = q, y = p. One step is
 * φ_A(h/2) ∘ φ_B(h/2) ∘ φ_C(h) ∘ φ_B(h/2) ∘ φ_A(h/2) with
 * <pre>
 *   φ_A(τ): p ← p − τ ∂_qH(q, y),  x ← x + τ ∂_pH(q, y)
 *   φ_B(τ): q ← q + τ ∂_pH(x, p),  y ← y − τ ∂_qH(x, p)
 *   φ_C(h): u = ½(q − x, p − y), s = ½(q + x, p + y), u rotated by 2ωh,
 *           q = s_q + u_q, p = s_p + u_p, x = s_q − u_q, y = s_p − u_p
 * </pre>
 * Order 2, explicit for any H, symplectic in the extended space (not as a map of (q, p) alone,
 * so it carries no {@link Symplectic} marker). It conserves {@link #extendedEnergy} approximately.
 *
 * @param omega binding ω (the baseline uses 20)
 */
public record Tao(double omega) implements Integrator {

  public Tao {
    if (!(omega > 0) || !Double.isFinite(omega)) {
      throw new IllegalArgumentException("binding omega must be finite and > 0, got " + omega + " (the baseline uses 20)");
    }
  }

  public Tao() {
    this(20.0);
  }

  @Override public String name() { return "tao"; }

  @Override public int order() { return 2; }

  @Override
  public int stateDim(Hamiltonian system) {
    return 2 * system.dim();
  }

  /** (q, p) → (q, p, x = q, y = p). */
  @Override
  public void extend(Hamiltonian system, double[] z, int n, double[] out) {
    int len = system.dim() * n;
    System.arraycopy(z, 0, out, 0, len);
    System.arraycopy(z, 0, out, len, len);
  }

  /**
   * Tao's extended Hamiltonian H(q, y) + H(x, p) + (ω/2)(|q − x|² + |p − y|²) per row, for a batch
   * of extended states ({@code 4d*n}); {@code out} has length n.
   */
  public void extendedEnergy(Hamiltonian system, double[] z, int n, double[] out) {
    int d = system.dof(), half = d * n;
    double[] w = new double[2 * half], v = new double[n];
    copy(z, 0, 3 * half, w, half, n, d);
    system.value(w, n, out);
    copy(z, 2 * half, half, w, half, n, d);
    system.value(w, n, v);
    for (int b = 0; b < n; b++) out[b] += v[b];
    for (int i = 0; i < 2 * half; i++) {
      double diff = z[i] - z[2 * half + i];
      out[i % n] += 0.5 * omega * diff * diff;
    }
  }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    int d = system.dof(), half = d * n;
    double[] w = ws.array(0, 2 * half), g = ws.array(1, 2 * half);
    phiA(system, 0.5 * h, z, w, g, half, n, d);
    phiB(system, 0.5 * h, z, w, g, half, n, d);
    phiC(h, z, half);
    phiB(system, 0.5 * h, z, w, g, half, n, d);
    phiA(system, 0.5 * h, z, w, g, half, n, d);
    int bad = Steps.firstNonFinite(z, 4 * d, n);
    return bad < 0 ? StepStatus.OK : StepStatus.nonFinite(bad);
  }

  // offsets in z: q = 0, p = half, x = 2·half, y = 3·half
  private static void phiA(Hamiltonian system, double tau, double[] z, double[] w, double[] g,
      int half, int n, int d) {
    copy(z, 0, 3 * half, w, half, n, d);
    system.gradient(w, n, g);
    Ops.addScaled(-tau, g, 0, z, half, half);
    Ops.addScaled(tau, g, half, z, 2 * half, half);
  }

  private static void phiB(Hamiltonian system, double tau, double[] z, double[] w, double[] g,
      int half, int n, int d) {
    copy(z, 2 * half, half, w, half, n, d);
    system.gradient(w, n, g);
    Ops.addScaled(tau, g, half, z, 0, half);
    Ops.addScaled(-tau, g, 0, z, 3 * half, half);
  }

  private void phiC(double h, double[] z, int half) {
    double cos = Math.cos(2 * omega * h), sin = Math.sin(2 * omega * h);
    for (int i = 0; i < half; i++) {
      double q = z[i], p = z[half + i], x = z[2 * half + i], y = z[3 * half + i];
      double uq = 0.5 * (q - x), up = 0.5 * (p - y), sq = 0.5 * (q + x), sp = 0.5 * (p + y);
      double rq = cos * uq + sin * up, rp = -sin * uq + cos * up;
      z[i] = sq + rq;
      z[half + i] = sp + rp;
      z[2 * half + i] = sq - rq;
      z[3 * half + i] = sp - rp;
    }
  }

  /** w = (position block at qAt, momentum block at pAt) of z. */
  private static void copy(double[] z, int qAt, int pAt, double[] w, int half, int n, int d) {
    System.arraycopy(z, qAt, w, 0, half);
    System.arraycopy(z, pAt, w, half, half);
  }
}

package org.hamlab.engine.integrator;

import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The authors' G1 "SV" step ({@code sv_step}, paper.md §6.3), reproduced exactly, quirks
 * included. With f_q = ∂H/∂p, f_p = −∂H/∂q and the RK2 predictor (q*, p*) (paper.md §6.2):
 * <pre>
 *   1. p_½ ← p + (h/2) f_p(q, p*);  K times: p_½ ← p + (h/2) f_p(q, p_½)
 *   2. q_½ ← q + (h/2) f_q(q*, p_½); K times: q_½ ← q + (h/2) f_q(q_½, p)   (old p: the quirk)
 *   3. q₁ = q + h f_q(q_½, p_½)
 *   4. p₁ = p_½ + (h/2) f_p(q₁, p_½)
 * </pre>
 * Inside each of the K sweeps the components are updated Gauss–Seidel style (p₁ then p₂ with the
 * new p₁; q₁ then q₂), as the authors' Hénon–Heiles code does for d = 2; the first guesses update
 * all components at once. Order 2. For separable H it is exactly leapfrog; for non-separable H it
 * is <b>not symplectic</b> (|det D − 1| ≈ 1.2e-4 for the coupled oscillator at h = 0.1; erratum 4,
 * paper.md §11). Not recommended: kept to compare with the authors' G1 results.
 *
 * @param sweeps fixed sweeps K per implicit half (the authors use 5)
 */
public record AuthorsStormerVerlet(int sweeps) implements Integrator {

  public AuthorsStormerVerlet {
    if (sweeps < 0) {
      throw new IllegalArgumentException("sweeps must be ≥ 0, got " + sweeps
          + " (the authors use 5)");
    }
  }

  public AuthorsStormerVerlet() {
    this(5);
  }

  @Override public String name() { return "authors-sv"; }

  @Override public int order() { return 2; }

  @Override
  public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
    Steps.check(this, system, h, z, n, ws);
    int d = system.dof(), half = d * n, len = 2 * half;
    double[] g = ws.state(0), pred = ws.state(1), w = ws.state(2);
    double[] ph = ws.array(3, half), qh = ws.array(4, half);
    // RK2 predictor (q*, p*)
    system.gradient(z, n, g);
    Ops.fieldStep(z, 0.5 * h, g, w, d, n);
    system.gradient(w, n, g);
    Ops.fieldStep(z, h, g, pred, d, n);
    // 1. p_½, first guess at (q, p*), then K Gauss–Seidel sweeps at (q, p_½)
    System.arraycopy(z, 0, w, 0, half);
    System.arraycopy(pred, half, w, half, half);
    system.gradient(w, n, g);
    for (int i = 0; i < half; i++) ph[i] = z[half + i] - 0.5 * h * g[i];
    System.arraycopy(ph, 0, w, half, half);
    for (int k = 0; k < sweeps; k++) {
      for (int j = 0; j < d; j++) {
        system.gradient(w, n, g);
        for (int b = 0; b < n; b++) ph[j * n + b] = z[half + j * n + b] - 0.5 * h * g[j * n + b];
        System.arraycopy(ph, j * n, w, half + j * n, n);
      }
    }
    // 2. q_½, first guess at (q*, p_½), then K sweeps at (q_½, p) with the old p
    System.arraycopy(pred, 0, w, 0, half);
    System.arraycopy(ph, 0, w, half, half);
    system.gradient(w, n, g);
    for (int i = 0; i < half; i++) qh[i] = z[i] + 0.5 * h * g[half + i];
    System.arraycopy(qh, 0, w, 0, half);
    System.arraycopy(z, half, w, half, half);
    for (int k = 0; k < sweeps; k++) {
      for (int j = 0; j < d; j++) {
        system.gradient(w, n, g);
        for (int b = 0; b < n; b++) qh[j * n + b] = z[j * n + b] + 0.5 * h * g[half + j * n + b];
        System.arraycopy(qh, j * n, w, j * n, n);
      }
    }
    // 3. q₁ = q + h f_q(q_½, p_½)
    System.arraycopy(qh, 0, w, 0, half);
    System.arraycopy(ph, 0, w, half, half);
    system.gradient(w, n, g);
    for (int i = 0; i < half; i++) w[i] = z[i] + h * g[half + i];
    // 4. p₁ = p_½ + (h/2) f_p(q₁, p_½)
    system.gradient(w, n, g);
    for (int i = 0; i < half; i++) w[half + i] = ph[i] - 0.5 * h * g[i];
    int bad = Steps.firstNonFinite(w, 2 * d, n);
    if (bad >= 0) return StepStatus.nonFinite(bad);
    System.arraycopy(w, 0, z, 0, len);
    return StepStatus.OK;
  }
}

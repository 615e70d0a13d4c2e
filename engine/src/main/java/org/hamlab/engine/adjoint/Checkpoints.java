package org.hamlab.engine.adjoint;

/**
 * Which forward states {@link DiscreteAdjoint} keeps for the backward pass.
 *
 * <p>Measured drift of the reconstruction (max |Δy| over states, {@code ReconstructionDriftTest}):
 * 16 chaotic Hénon–Heiles orbits at E = 0.16, h = 0.01, converged solves: without checkpoints 5e-14
 * at L = 1000, 2e-11 at L = 5000, 1.5e-3 at L = 20000, O(1) at L = 50000; with a checkpoint every
 * 100 steps below 4e-15 at every L, every 1000 steps below 2e-13. Regular orbits (E = 0.05) drift
 * only to 3e-12 at L = 50000. For the paper's 7-point windows the drift is round-off (1e-16).
 *
 * <ul>
 *   <li>{@code every = 0} ({@link #none()}): keep only y_N and reconstruct y_{N−1}, …, y_1 during
 *       the backward pass by the reversible implicit-midpoint step y_n = y_{n+1} − h
 *       f((y_n+y_{n+1})/2). Memory O(B·2d) whatever L; one extra implicit solve per step; the
 *       reconstruction drifts from the forward states by round-off amplified along the reversed
 *       flow (fine for short windows, exponential in L on chaotic orbits).
 *   <li>{@code every = k > 1}: keep y_0, y_k, y_{2k}, … and y_N; reconstruct backward inside each
 *       segment from its right end, so the drift is reset every k steps. Memory O((L/k)·B·2d).
 *   <li>{@code every = 1} ({@link #all()}): keep all N+1 states, O(L·B·2d), no extra solve: the
 *       fastest, memory linear in L.
 * </ul>
 */
public record Checkpoints(int every) {

  public Checkpoints {
    if (every < 0)
      throw new IllegalArgumentException("checkpoint spacing must be ≥ 0 (0 = none), got " + every);
  }

  /** O(1) memory: reconstruct every state backward. */
  public static Checkpoints none() {
    return new Checkpoints(0);
  }

  /** Store every state (memory linear in L). */
  public static Checkpoints all() {
    return new Checkpoints(1);
  }

  /** Store every k-th state and reconstruct within segments. */
  public static Checkpoints every(int k) {
    if (k < 1) throw new IllegalArgumentException("checkpoint spacing must be ≥ 1, got " + k);
    return new Checkpoints(k);
  }

  /** True when state n of a window with N steps is kept. */
  boolean keeps(int n, int steps) {
    if (n == steps) return true;
    return every > 0 && n % every == 0;
  }

  /** Number of kept states for N steps. */
  int kept(int steps) {
    if (every == 0) return 1;
    return steps / every + 1 + (steps % every == 0 ? 0 : 1);
  }

  /** Slot of kept state n (callers check {@link #keeps} first). */
  int slot(int n, int steps) {
    if (every == 0) return 0;
    return n == steps ? kept(steps) - 1 : n / every;
  }
}

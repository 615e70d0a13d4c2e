package org.hamlab.engine.integrator;

import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The loop: integrates a batch of initial states for many steps and stores the trajectory.
 *
 * <p>Output layout ("trajectory layout"): {@code out[(s*dim + k)*n + b]} is component k of row b
 * at saved point s; saved point 0 is the initial state and saved point s is the state after
 * {@code s*every} steps. Rows are split into fixed tiles that run on the engine's threads
 * ({@link Tiles}); each tile integrates in its own workspace, so results do not depend on the
 * thread count.
 *
 * <p>An integrator with an extended state ({@link Integrator#stateDim} &gt; dim, e.g. {@link Tao})
 * is started from {@link Integrator#extend} of each tile's initial states; only the physical
 * components 0..dim−1 are stored, so the output layout is the same for every integrator. A
 * failure's state in the {@link SolveException} is the whole (possibly extended) row.
 */
public final class Rollout {
  /** Rows per tile: small enough to stay in L1/L2, large enough to amortise the tile set-up. */
  public static final int TILE = 256;

  private Rollout() {}

  /** Every state of {@code steps} steps from {@code z0} ({@code n} rows, state layout). */
  public static double[] run(Hamiltonian system, Integrator integrator, double h, int steps, double[] z0, int n) {
    return run(system, integrator, h, steps, 1, z0, n);
  }

  /** Every {@code every}-th state of {@code steps} steps; {@code steps} must be a multiple of {@code every}. */
  public static double[] run(Hamiltonian system, Integrator integrator, double h, int steps, int every,
      double[] z0, int n) {
    check(system, h, steps, every, z0, n);
    int dim = system.dim();
    int saved = steps / every + 1;
    long len = (long) saved * dim * n;
    if (len > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("trajectory of " + saved + " points × " + dim + " × " + n
          + " rows does not fit one array (" + len + " doubles); save fewer points (every > " + every
          + ") or split the batch");
    }
    double[] out = new double[(int) len];
    int ext = integrator.stateDim(system);
    Tiles.forEach(n, TILE, (tile, from, to) -> {
      int m = to - from;
      Workspace ws = integrator.workspace(system, m);
      double[] phys = new double[dim * m];
      for (int k = 0; k < dim; k++) {
        System.arraycopy(z0, k * n + from, phys, k * m, m);
        System.arraycopy(z0, k * n + from, out, k * n + from, m);
      }
      double[] z = new double[ext * m];
      integrator.extend(system, phys, m, z);
      double[] before = new double[ext * m];
      for (int s = 1; s <= steps; s++) {
        System.arraycopy(z, 0, before, 0, ext * m);
        StepStatus st = integrator.step(system, h, z, m, ws);
        if (!st.ok()) {
          throw new SolveException(integrator.name(), h, s - 1, from + st.row(),
              row(before, m, ext, st.row()), st);
        }
        if (s % every == 0) {
          int base = (s / every) * dim * n;
          for (int k = 0; k < dim; k++) System.arraycopy(z, k * m, out, base + k * n + from, m);
        }
      }
    });
    return out;
  }

  /** Row {@code b} of a batch of {@code m} rows, as {@code (q_1..q_d, p_1..p_d)}. */
  public static double[] row(double[] z, int m, int dim, int b) {
    double[] r = new double[dim];
    for (int k = 0; k < dim; k++) r[k] = z[k * m + b];
    return r;
  }

  private static void check(Hamiltonian system, double h, int steps, int every, double[] z0, int n) {
    if (!(h > 0) || !Double.isFinite(h)) {
      throw new IllegalArgumentException("step size h must be finite and > 0, got " + h);
    }
    if (steps < 0) throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
    if (every < 1 || steps % every != 0) {
      throw new IllegalArgumentException("every must be ≥ 1 and divide steps; got every = " + every + ", steps = " + steps);
    }
    if (n < 1) throw new IllegalArgumentException("the batch must have at least one row, got " + n);
    int dim = system.dim();
    if (z0.length != dim * n) {
      throw new IllegalArgumentException(system.name() + " has state dimension " + dim + "; " + n
          + " rows need " + dim * n + " values, got " + z0.length);
    }
    for (int i = 0; i < z0.length; i++) {
      if (!Double.isFinite(z0[i])) {
        int b = i % n;
        throw new IllegalArgumentException("initial state of row " + b + " is not finite: "
            + java.util.Arrays.toString(row(z0, n, dim, b)));
      }
    }
  }
}

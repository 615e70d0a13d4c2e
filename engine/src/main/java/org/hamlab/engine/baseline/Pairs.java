package org.hamlab.engine.baseline;

import org.hamlab.engine.data.Trajectories;

/**
 * One-step pairs (y₀, y₁) for the baselines' losses: {@link Trajectories} with 2 points per row
 * (trajectory layout {@code [(s*dim + k)*count + b]}, s ∈ {0, 1}, h = dt).
 */
public final class Pairs {
  private Pairs() {}

  /**
   * The consecutive pairs of the first {@code window} points of every trajectory: the like-for-like
   * data of the baselines (the same observations as our method's 7-point windows). Row
   * {@code b·(window−1) + s} is (y_s, y_{s+1}) of trajectory b; clean states are kept if present.
   */
  public static Trajectories fromWindows(Trajectories data, int window) {
    if (window < 2 || window > data.points()) {
      throw new IllegalArgumentException("window must be 2.." + data.points()
          + " points for this data, got " + window);
    }
    int count = data.count(), dim = data.dim(), per = window - 1, rows = count * per;
    double[] s = new double[2 * dim * rows];
    double[] c = data.clean() == null ? null : new double[s.length];
    for (int b = 0; b < count; b++) {
      for (int j = 0; j < per; j++) {
        int row = b * per + j;
        for (int p = 0; p < 2; p++) {
          for (int k = 0; k < dim; k++) {
            int dst = (p * dim + k) * rows + row, src = data.index(j + p, k, b);
            s[dst] = data.states()[src];
            if (c != null) c[dst] = data.clean()[src];
          }
        }
      }
    }
    return new Trajectories(data.dof(), rows, 2, data.dt(), s, c);
  }

  /** Rows [0, k) and [k, count) with k = round(fraction·count): the authors' ordered splits. */
  public static Trajectories[] split(Trajectories pairs, double trainFraction) {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("train fraction must be in (0, 1), got " + trainFraction);
    }
    int k = (int) Math.round(trainFraction * pairs.count());
    if (k < 1 || k >= pairs.count()) {
      throw new IllegalArgumentException(pairs.count() + " pairs are too few to split "
          + trainFraction + " / " + (1 - trainFraction));
    }
    return new Trajectories[] {pairs.range(0, k), pairs.range(k, pairs.count())};
  }
}

package org.hamlab.engine.metric;

import java.util.Arrays;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Energy error along rollouts, |H(y(t)) − H(y₀)| per trajectory, measured with the true H (the
 * long-horizon diagnostic recommended in paper.md §8.3; the G2 code has none).
 *
 * <p>The dynamics may come from any Hamiltonian (a learned H_θ, or the true one to test an
 * integrator) and any {@link Integrator}; the energy is always that of {@code truth}. A symplectic
 * method shows a bounded oscillation with no trend, a non-symplectic one a drift that grows with t;
 * {@link #slope()} is the least-squares slope of the trajectory-mean error against time.
 *
 * @param count number of trajectories
 * @param points saved points per trajectory, including t = 0
 * @param dt time between saved points
 * @param drift |H(y_s) − H(y_0)| of trajectory b at saved point s at {@code drift[s*count + b]}
 * @param max largest error over all trajectories and points
 * @param mean mean error over all trajectories and the points after t = 0 (0 when points = 1)
 * @param slope least-squares slope of {@link #meanCurve()} against t, in energy per unit time
 */
public record EnergyDrift(
    int count, int points, double dt, double[] drift, double max, double mean, double slope) {

  /**
   * Rolls out {@code z0} with {@code integrator} on {@code dynamics} and measures the energy of
   * {@code truth} along the way ({@link Rollout#run}).
   *
   * @param h integrator step
   * @param steps number of steps; every {@code every}-th state is measured
   * @param z0 initial states, state layout: component k of row b at {@code z0[k*n + b]}
   */
  public static EnergyDrift compute(
      Hamiltonian dynamics,
      Hamiltonian truth,
      Integrator integrator,
      double h,
      int steps,
      int every,
      double[] z0,
      int n) {
    if (dynamics.dim() != truth.dim()) {
      throw new IllegalArgumentException(
          "the dynamics "
              + dynamics.name()
              + " have state dimension "
              + dynamics.dim()
              + " but the measuring Hamiltonian "
              + truth.name()
              + " has "
              + truth.dim()
              + "; they must match");
    }
    double[] traj = Rollout.run(dynamics, integrator, h, steps, every, z0, n);
    return of(truth, traj, n, steps / every + 1, h * every);
  }

  /** The energy error of {@code truth} along the {@code states} of a trajectory set. */
  public static EnergyDrift of(Hamiltonian truth, Trajectories trajectories) {
    if (trajectories.dof() != truth.dof()) {
      throw new IllegalArgumentException(
          "the trajectories have "
              + trajectories.dof()
              + " degrees of freedom but "
              + truth.name()
              + " has "
              + truth.dof());
    }
    return of(
        truth,
        trajectories.states(),
        trajectories.count(),
        trajectories.points(),
        trajectories.dt());
  }

  /**
   * The energy error of {@code truth} along stored trajectories.
   *
   * @param trajectory trajectory layout: component k of row b at point s at {@code [(s*dim + k)*n +
   *     b]}
   * @param n trajectories
   * @param points saved points per trajectory
   * @param dt time between points
   */
  public static EnergyDrift of(
      Hamiltonian truth, double[] trajectory, int n, int points, double dt) {
    int dim = truth.dim();
    if (n < 1 || points < 1)
      throw new IllegalArgumentException("need n ≥ 1 and points ≥ 1, got " + n + ", " + points);
    if (!(dt > 0)) throw new IllegalArgumentException("dt must be > 0, got " + dt);
    if (trajectory.length != (long) points * dim * n) {
      throw new IllegalArgumentException(
          points
              + " points × "
              + dim
              + " × "
              + n
              + " rows need "
              + (long) points * dim * n
              + " values, got "
              + trajectory.length);
    }
    double[] h0 = new double[n];
    truth.value(Arrays.copyOfRange(trajectory, 0, dim * n), n, h0);
    double[] drift = new double[points * n];
    // one saved point s is a whole batch in the state layout; tiles are runs of saved points
    int tile = Math.max(1, 65536 / (dim * n));
    Tiles.forEach(
        points,
        tile,
        (t, from, to) -> {
          double[] hs = new double[n];
          for (int s = from; s < to; s++) {
            truth.value(Arrays.copyOfRange(trajectory, s * dim * n, (s + 1) * dim * n), n, hs);
            for (int b = 0; b < n; b++) drift[s * n + b] = Math.abs(hs[b] - h0[b]);
          }
        });
    double max = 0, sum = 0;
    for (int i = n; i < drift.length; i++) {
      double e = drift[i];
      if (!(e <= max)) max = e; // a NaN becomes the max, so it is not hidden
      sum += e;
    }
    double mean = points > 1 ? sum / ((double) (points - 1) * n) : 0.0;
    return new EnergyDrift(
        n, points, dt, drift, max, mean, slope(curve(drift, n, points, false), dt));
  }

  /** Error of trajectory b at saved point s. */
  public double at(int s, int b) {
    return drift[s * count + b];
  }

  /** Times of the saved points, {@code s·dt}. */
  public double[] times() {
    double[] t = new double[points];
    for (int s = 0; s < points; s++) t[s] = s * dt;
    return t;
  }

  /** Mean over trajectories of the error at each saved point, length {@code points}. */
  public double[] meanCurve() {
    return curve(drift, count, points, false);
  }

  /** Max over trajectories of the error at each saved point, length {@code points}. */
  public double[] maxCurve() {
    return curve(drift, count, points, true);
  }

  /** Largest error of each trajectory over time, length {@code count}. */
  public double[] maxPerTrajectory() {
    double[] m = new double[count];
    for (int s = 0; s < points; s++) {
      for (int b = 0; b < count; b++) m[b] = Math.max(m[b], drift[s * count + b]);
    }
    return m;
  }

  /** Mean error of each trajectory over the points after t = 0, length {@code count}. */
  public double[] meanPerTrajectory() {
    double[] m = new double[count];
    if (points < 2) return m;
    for (int s = 1; s < points; s++) {
      for (int b = 0; b < count; b++) m[b] += drift[s * count + b];
    }
    for (int b = 0; b < count; b++) m[b] /= points - 1;
    return m;
  }

  /** Least-squares slope of each trajectory's error against t, length {@code count}. */
  public double[] slopePerTrajectory() {
    double[] slopes = new double[count], y = new double[points];
    for (int b = 0; b < count; b++) {
      for (int s = 0; s < points; s++) y[s] = drift[s * count + b];
      slopes[b] = slope(y, dt);
    }
    return slopes;
  }

  @Override
  public String toString() {
    return String.format(
        "EnergyDrift[%d trajectories × %d points, dt %.3g: max %.3g, mean %.3g, slope %.3g/time]",
        count, points, dt, max, mean, slope);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnergyDrift e
        && count == e.count
        && points == e.points
        && Double.compare(dt, e.dt) == 0
        && Arrays.equals(drift, e.drift);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(drift) * 31 + Double.hashCode(dt);
  }

  private static double[] curve(double[] drift, int n, int points, boolean max) {
    double[] c = new double[points];
    for (int s = 0; s < points; s++) {
      double a = 0;
      for (int b = 0; b < n; b++) a = max ? Math.max(a, drift[s * n + b]) : a + drift[s * n + b];
      c[s] = max ? a : a / n;
    }
    return c;
  }

  /** Ordinary least-squares slope of y against t = s·dt; 0 for a single point. */
  private static double slope(double[] y, double dt) {
    int m = y.length;
    if (m < 2) return 0.0;
    double tMean = 0.5 * (m - 1) * dt, yMean = 0;
    for (double v : y) yMean += v;
    yMean /= m;
    double sxy = 0, sxx = 0;
    for (int s = 0; s < m; s++) {
      double dtS = s * dt - tMean;
      sxy += dtS * (y[s] - yMean);
      sxx += dtS * dtS;
    }
    return sxy / sxx;
  }
}

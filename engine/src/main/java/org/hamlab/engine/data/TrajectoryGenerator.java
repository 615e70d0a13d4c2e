package org.hamlab.engine.data;

import java.util.SplittableRandom;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.random.Seeds;

/**
 * Makes synthetic data sets (paper.md §3.1): draws initial states, integrates them with the
 * ground-truth integrator ({@link Rollout}, tiled over the engine's threads) and adds Gaussian
 * noise to every point but the first.
 *
 * <p>Every draw comes from a stream keyed by the trajectory index ({@link TrajectorySpec#seed()}),
 * and the rollout tiles are fixed, so the result is bitwise the same for any thread count.
 * Noise of trajectory b is drawn point by point (s = 1..points−1), component by component.
 */
public final class TrajectoryGenerator {
  /** Rows per noise tile. */
  private static final int TILE = 256;

  private TrajectoryGenerator() {}

  /**
   * The data set of {@code spec}: observed (noisy) and clean states in the trajectory layout
   * {@code [(s*dim + k)*count + b]}. With σ = 0 the observed and clean arrays are the same object.
   */
  public static Trajectories generate(TrajectorySpec spec) {
    int count = spec.count(), dim = spec.system().dim(), points = spec.points();
    double[] z0 = spec.initial().sample(spec.seed(), "initial/" + spec.split().label(), count);
    double[] clean = Rollout.run(spec.system(), spec.integrator(), spec.dt(), points - 1, z0, count);
    double[] observed = spec.noise() == 0 ? clean : noisy(clean, spec, dim);
    return new Trajectories(spec.system().dof(), count, points, spec.dt(), observed, clean);
  }

  /** clean + σ·N(0, 1) on points 1.., one generator per trajectory, tiles in parallel. */
  static double[] noisy(double[] clean, TrajectorySpec spec, int dim) {
    int count = spec.count(), points = spec.points();
    double sigma = spec.noise();
    String purpose = "noise/" + spec.split().label();
    double[] out = new double[clean.length];
    System.arraycopy(clean, 0, out, 0, dim * count);
    Tiles.forEach(count, TILE, (tile, from, to) -> {
      SplittableRandom[] r = new SplittableRandom[to - from];
      for (int b = from; b < to; b++) r[b - from] = Seeds.stream(spec.seed(), purpose, b);
      for (int s = 1; s < points; s++) {
        for (int k = 0; k < dim; k++) {
          int base = (s * dim + k) * count;
          for (int b = from; b < to; b++) {
            out[base + b] = clean[base + b] + sigma * r[b - from].nextGaussian();
          }
        }
      }
    });
    return out;
  }
}

package org.hamlab.engine.testing;

import java.util.SplittableRandom;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;

/**
 * Small noisy data sets for tests (paper.md §3.1 in miniature): initial states uniform in a box (±2
 * per component for d = 1, ±0.3 for d = 2), converged implicit midpoint at h = dt, Gaussian noise σ
 * on every observed point, all draws from {@link Seeds}.
 */
public final class WindowData {
  private WindowData() {}

  public static Trajectories generate(
      Hamiltonian system, int count, int points, double dt, double sigma, long seed) {
    int dim = system.dim();
    double box = system.dof() == 1 ? 2.0 : 0.3;
    double[] z0 = new double[dim * count];
    SplittableRandom r = Seeds.stream(seed, "initial-states");
    for (int b = 0; b < count; b++) {
      for (int k = 0; k < dim; k++) z0[k * count + b] = r.nextDouble(-box, box);
    }
    double[] clean = Rollout.run(system, new ImplicitMidpoint(), dt, points - 1, z0, count);
    double[] noisy = clean.clone();
    SplittableRandom nr = Seeds.stream(seed, "noise");
    for (int i = 0; i < noisy.length; i++) noisy[i] += sigma * Seeds.gaussian(nr);
    return new Trajectories(system.dof(), count, points, dt, noisy, clean);
  }
}

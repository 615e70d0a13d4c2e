package org.hamlab.engine.baseline;

import java.util.SplittableRandom;
import org.hamlab.engine.data.InitialConditions;
import org.hamlab.engine.data.Split;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.data.TrajectoryGenerator;
import org.hamlab.engine.data.TrajectorySpec;
import org.hamlab.engine.integrator.RungeKutta4;
import org.hamlab.engine.integrator.Tao;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;

/**
 * The baselines' own data as their authors designed it (paper.md §3.3), as pairs ({@link Pairs}).
 * Hénon–Heiles is recognised by its registry name {@code "henon-heiles"}. The train part is the
 * first rows ({@link #SHNN_TRAIN_FRACTION}, {@link #NSSNN_TRAIN_FRACTION}; {@link Pairs#split}).
 */
public final class BaselineData {
  /** SHNN: 1200 of 1500 pairs train. */
  public static final double SHNN_TRAIN_FRACTION = 0.8;
  /** NSSNN: 90 / 10. */
  public static final double NSSNN_TRAIN_FRACTION = 0.9;

  private BaselineData() {}

  /**
   * SHNN data: 1500 pairs with h = 0.1 from initial states U[−2, 2]^{2d} (Hénon–Heiles U[−1, 1]⁴),
   * ground truth by RK4 with 100 sub-steps (the authors: scipy RK45, rtol 1e-9), Gaussian noise of
   * σ_eff = 0.01·√2 on both points (their noise added twice), streams ("shnn-noise", b).
   */
  public static Trajectories shnn(Hamiltonian system, long seed) {
    return shnn(system, 1500, seed);
  }

  public static Trajectories shnn(Hamiltonian system, int count, long seed) {
    double box = system.name().equals("henon-heiles") ? 1.0 : 2.0;
    TrajectorySpec spec = new TrajectorySpec(system, count, 2, 0.1, 0, seed, Split.TRAIN,
        new RungeKutta4(100), InitialConditions.cube(system, -box, box));
    Trajectories clean = TrajectoryGenerator.generate(spec);
    double sigma = 0.01 * Math.sqrt(2);
    double[] obs = clean.states().clone();
    int dim = system.dim();
    for (int b = 0; b < count; b++) {
      SplittableRandom r = Seeds.stream(seed, "shnn-noise", b);
      for (int s = 0; s < 2; s++) {
        for (int k = 0; k < dim; k++) obs[(s * dim + k) * count + b] += sigma * Seeds.gaussian(r);
      }
    }
    return new Trajectories(system.dof(), count, 2, 0.1, obs, clean.clean().clone());
  }

  /**
   * NSSNN data: 1280 pairs of one step Δt = 0.01 of Tao's integrator (ω = 20, one sub-step) from
   * U[−2, 2]² (Hénon–Heiles U[−0.3, 0.3]⁴), uniform noise U(−0.004, 0.004) on the end point only,
   * streams ("nssnn-noise", b). The authors' CHO data used H = q² + p² + 0.5qp (paper.md §2); here
   * the given system is used.
   */
  public static Trajectories nssnn(Hamiltonian system, long seed) {
    return nssnn(system, 1280, seed);
  }

  public static Trajectories nssnn(Hamiltonian system, int count, long seed) {
    double box = system.name().equals("henon-heiles") ? 0.3 : 2.0;
    TrajectorySpec spec = new TrajectorySpec(system, count, 2, 0.01, 0, seed, Split.TRAIN,
        new Tao(20), InitialConditions.cube(system, -box, box));
    Trajectories clean = TrajectoryGenerator.generate(spec);
    double[] obs = clean.states().clone();
    int dim = system.dim();
    for (int b = 0; b < count; b++) {
      SplittableRandom r = Seeds.stream(seed, "nssnn-noise", b);
      for (int k = 0; k < dim; k++) obs[(dim + k) * count + b] += 0.004 * (2 * r.nextDouble() - 1);
    }
    return new Trajectories(system.dof(), count, 2, 0.01, obs, clean.clean().clone());
  }
}

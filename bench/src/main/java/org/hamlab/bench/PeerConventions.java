package org.hamlab.bench;

import java.util.SplittableRandom;
import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.adjoint.MidpointSolve;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.InitialConditions;
import org.hamlab.engine.data.Split;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.data.TrajectoryGenerator;
import org.hamlab.engine.data.TrajectorySpec;
import org.hamlab.engine.integrator.RungeKutta4;
import org.hamlab.engine.metric.HamiltonianError;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.HenonHeiles;

/**
 * The PyTorch peer's workload conventions ({@code torch_hnn.py}), built from engine parts: its
 * systems and boxes (SYSTEMS), RK4 ground truth with sub-steps, Gaussian noise on every point
 * including the first, an MLP with output bias (nn.Linear), the rollout loss from the first noisy
 * observation averaged over steps 1..L and all components ({@link WindowLoss#peer()}), the RK2
 * predictor + n fixed sweeps ({@link MidpointSolve#fixed(int)}) and its H-error.
 *
 * <p>Random draws use hamlab's {@link Seeds} streams, so data and initial weights are drawn from
 * the same distributions as the peer's but are not the same numbers.
 */
final class PeerConventions {
  private PeerConventions() {}

  /** The true Hamiltonian of a peer system name. */
  static Hamiltonian system(String name) {
    return switch (name) {
      case "double_well" -> new DoubleWell();
      case "coupled_ho" -> new PeerCoupledOscillator();
      case "henon_heiles" -> new HenonHeiles();
      default -> throw new IllegalArgumentException("unknown peer system '" + name + "'");
    };
  }

  /** torch_hnn.py's SYSTEMS box for initial states and H-error test points. */
  static InitialConditions box(String name) {
    return switch (name) {
      case "double_well" -> new InitialConditions(new double[] {-1.5, -1}, new double[] {1.5, 1});
      case "coupled_ho" -> new InitialConditions(cube(4, -1), cube(4, 1));
      case "henon_heiles" -> new InitialConditions(cube(4, -0.25), cube(4, 0.25));
      default -> throw new IllegalArgumentException("unknown peer system '" + name + "'");
    };
  }

  private static double[] cube(int dim, double v) {
    double[] a = new double[dim];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /**
   * N trajectories of L + 1 points: clean by RK4 with {@code substeps} sub-steps per dt (float64),
   * observed = clean + σ·N(0, 1) on every point (the peer's noise also hits point 0, where its
   * rollout starts). Trajectory layout {@code [(s*dim + k)*N + b]}.
   */
  static Trajectories data(PeerWorkload.Flags f) {
    Hamiltonian system = system(f.system());
    TrajectorySpec spec =
        new TrajectorySpec(
            system,
            f.trajectories(),
            f.steps() + 1,
            f.dt(),
            0,
            f.seed(),
            Split.TRAIN,
            new RungeKutta4(f.substeps()),
            box(f.system()));
    Trajectories clean = TrajectoryGenerator.generate(spec);
    double[] c = clean.states(), noisy = new double[c.length];
    int count = f.trajectories(), dim = system.dim(), points = f.steps() + 1;
    for (int b = 0; b < count; b++) {
      SplittableRandom r = Seeds.stream(f.seed(), "peer-noise", b);
      for (int s = 0; s < points; s++) {
        for (int k = 0; k < dim; k++) {
          int i = (s * dim + k) * count + b;
          noisy[i] = c[i] + f.sigma() * r.nextGaussian();
        }
      }
    }
    return new Trajectories(system.dof(), count, points, f.dt(), noisy, c);
  }

  /** 2d → hidden → 1 tanh with output bias, nn.Linear's U(±1/√fan_in) initialisation. */
  static Mlp model(PeerWorkload.Flags f) {
    return Mlp.create(
        MlpSpec.of(system(f.system()).dof())
            .withHidden(f.hidden())
            .withOutputBias(true)
            .withPrecision(f.dtype().equals("float32") ? Precision.FLOAT32 : Precision.FLOAT64)
            .withSeed(f.seed()));
  }

  /**
   * The peer's gradient: the exact discrete adjoint with stored states (as the peer keeps its
   * rollout) or backprop through the n-sweep solver; both with RK2 predictor + n fixed sweeps and
   * the peer's loss. {@code reversible} swaps the stored states for hamlab's reversible adjoint.
   */
  static GradientMethod gradient(PeerWorkload.Flags f, boolean reversible) {
    MidpointSolve solve = MidpointSolve.fixed(f.corrector());
    return switch (f.method()) {
      case "adjoint" ->
          DiscreteAdjoint.defaults()
              .withWindowLoss(WindowLoss.peer())
              .withSolve(solve)
              .withCheckpoints(reversible ? Checkpoints.none() : Checkpoints.all());
      case "backprop" -> Backprop.defaults().withWindowLoss(WindowLoss.peer()).withSolve(solve);
      default -> throw new IllegalArgumentException("unknown method '" + f.method() + "'");
    };
  }

  /**
   * The peer's h_error: mean |H_θ − H_true − c| over 1000 uniform points in the box, c the mean
   * offset (the same as {@link HamiltonianError}'s mean, paper.md §8.1).
   */
  static double hError(Mlp model, PeerWorkload.Flags f) {
    Hamiltonian truth = system(f.system());
    int n = 1000;
    double[] z = box(f.system()).sample(12345, "peer-h-error", n);
    return HamiltonianError.compute(model, truth, z, n).mean();
  }
}

package org.hamlab.bench;

import java.util.SplittableRandom;
import org.hamlab.engine.adjoint.AdjointSolve;
import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.adjoint.MidpointSolve;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Rollout;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.train.Plateau;
import org.hamlab.engine.train.TrainResult;
import org.hamlab.engine.train.TrainSpec;
import org.hamlab.engine.train.Trainer;

/**
 * The PyTorch peer's workload ({@code /work/shared/peer/torch_hnn.py}): double well, MLP 2→64→64→1
 * tanh, dt = 0.1, σ = 0.01, N = 512 trajectories of L steps, batch 128, RK2 predictor + n = 5
 * sweeps, loss from the first noisy observation averaged over steps 1..L and all components, Adam
 * lr 1e-3. Prints seconds per epoch (median of the timed epochs after one warm-up epoch).
 *
 * <p>Usage: {@code PeerTrainingBench
 * [adjoint|adjoint-stored|adjoint-x|adjoint-stored-x|adjoint-fp|backprop] (-x: sweeps start from
 * the extrapolated previous states instead of the RK2 predictor) [f32|f64] [L] [epochs] [tile]}
 */
public final class PeerTrainingBench {
  public static void main(String[] args) {
    String method = args.length > 0 ? args[0] : "adjoint";
    Precision precision =
        args.length > 1 && args[1].equals("f64") ? Precision.FLOAT64 : Precision.FLOAT32;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    int tile = args.length > 4 ? Integer.parseInt(args[4]) : 32;
    int count = 512, sweeps = 5;
    double dt = 0.1, sigma = 0.01;
    Trajectories data = data(count, steps, dt, sigma);
    MidpointSolve solve = MidpointSolve.fixed(sweeps);
    GradientMethod gradient =
        switch (method) {
          case "adjoint" ->
              DiscreteAdjoint.defaults().withSolve(solve).withCheckpoints(Checkpoints.none());
          case "adjoint-stored" ->
              DiscreteAdjoint.defaults().withSolve(solve).withCheckpoints(Checkpoints.all());
          case "adjoint-fp" ->
              DiscreteAdjoint.defaults()
                  .withSolve(solve)
                  .withCheckpoints(Checkpoints.all())
                  .withAdjointSolve(AdjointSolve.fixedPoint(sweeps));
          case "adjoint-stored-x" ->
              DiscreteAdjoint.defaults()
                  .withSolve(solve.withExtrapolate(true))
                  .withCheckpoints(Checkpoints.all());
          case "adjoint-x" ->
              DiscreteAdjoint.defaults()
                  .withSolve(solve.withExtrapolate(true))
                  .withCheckpoints(Checkpoints.none());
          case "backprop" -> Backprop.defaults().withSolve(solve);
          default -> throw new IllegalArgumentException("unknown method " + method);
        };
    gradient =
        switch (gradient) {
          case DiscreteAdjoint a -> a.withWindowLoss(WindowLoss.peer()).withTile(tile);
          case Backprop b -> b.withWindowLoss(WindowLoss.peer()).withTile(tile);
          default -> gradient;
        };
    Mlp model = Mlp.create(MlpSpec.of(1).withHidden(64, 64).withPrecision(precision).withSeed(0));
    TrainSpec spec =
        TrainSpec.defaults()
            .withEpochs(epochs + 1)
            .withBatchSize(128)
            .withLearningRate(1e-3)
            .withWindow(steps + 1)
            .withPlateau(Plateau.off())
            .withGradient(gradient);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    java.util.List<Double> cpu = new java.util.ArrayList<>();
    long[] last = {os.getProcessCpuTime()};
    TrainResult r =
        new Trainer(spec)
            .withListener(
                e -> {
                  if (e instanceof org.hamlab.engine.train.TrainEvent.EpochEnded) {
                    long now = os.getProcessCpuTime();
                    cpu.add((now - last[0]) * 1e-9);
                    last[0] = now;
                  }
                })
            .train(model, data, null);
    double[] secs = r.history().stream().skip(1).mapToDouble(e -> e.seconds()).sorted().toArray();
    double[] cpus = cpu.stream().skip(1).mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        "RESULT method=%s precision=%s L=%d tile=%d threads=%d panama=%s sec_per_epoch_median=%.4f "
            + "min=%.4f cpu_sec_per_epoch_mean=%.4f first_loss=%.4e final_loss=%.4e loadavg=%.1f%n",
        method,
        precision,
        steps,
        tile,
        Tiles.threads(),
        model.panama(),
        secs[secs.length / 2],
        secs[0],
        java.util.Arrays.stream(cpus).average().orElse(0),
        r.history().getFirst().trainLoss(),
        r.history().getLast().trainLoss(),
        os.getSystemLoadAverage());
  }

  /**
   * Uniform initial states in [−1.5, 1.5] × [−1, 1] (the peer's box), converged IM, Gaussian noise.
   */
  static Trajectories data(int count, int steps, double dt, double sigma) {
    DoubleWell system = new DoubleWell();
    double[] z0 = new double[2 * count];
    SplittableRandom r = Seeds.stream(0, "initial-states");
    for (int b = 0; b < count; b++) {
      z0[b] = r.nextDouble(-1.5, 1.5);
      z0[count + b] = r.nextDouble(-1.0, 1.0);
    }
    double[] clean = Rollout.run(system, new ImplicitMidpoint(), dt, steps, z0, count);
    double[] noisy = clean.clone();
    SplittableRandom nr = Seeds.stream(0, "noise");
    for (int i = 0; i < noisy.length; i++) noisy[i] += sigma * Seeds.gaussian(nr);
    return new Trajectories(1, count, steps + 1, dt, noisy, clean);
  }
}

package org.hamlab.bench;

import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.adjoint.MemoryUse;
import org.hamlab.engine.adjoint.MidpointSolve;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.parallel.Tiles;

/**
 * paper.md §10 protocol: memory and time of one gradient at B = 512 for window lengths L (default
 * 4, 16, 64, 256, 1024; any list as arguments), for the reversible adjoint, the stored-state adjoint and backprop (6 fixed sweeps each),
 * on the paper's 2-16-32-16-1 network (float64) and double-well data (dt = 0.01).
 *
 * <p>Per (method, L) it prints one CSV line: the analytical retained memory ({@code
 * retainedDoubles}), the work arrays the method actually allocated ({@code accounted}, explicit
 * accounting in the engine), the bytes all JVM threads allocated during one gradient ({@code
 * ThreadMXBean}, an upper bound on the peak that includes garbage) and milliseconds per gradient (median of the timed calls). The peak RSS of the whole process is
 * printed at the end. {@code ./hamlab bench memory [L...]}.
 */
public final class GradientMemoryBench {
  private GradientMemoryBench() {}

  public static void main(String[] args) {
    int[] lengths =
        args.length == 0
            ? new int[] {4, 16, 64, 256, 1024}
            : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int rows = 512;
    Mlp model = Mlp.create(MlpSpec.of(1));
    MidpointSolve solve = MidpointSolve.fixed(6);
    GradientMethod[] methods = {
      DiscreteAdjoint.defaults().withWindowLoss(WindowLoss.peer()).withSolve(solve),
      DiscreteAdjoint.defaults()
          .withWindowLoss(WindowLoss.peer())
          .withSolve(solve)
          .withCheckpoints(Checkpoints.all()),
      Backprop.defaults().withWindowLoss(WindowLoss.peer()).withSolve(solve)
    };
    String[] names = {"adjoint-reversible", "adjoint-stored", "backprop"};
    System.out.printf(
        "# B=%d, net 2-16-32-16-1 float64, 6 fixed sweeps, threads %d%n", rows, Tiles.threads());
    System.out.println(
        "method,L,retained_MB,accounted_MB,allocated_MB,ms_per_gradient");
    for (int steps : lengths) {
      Trajectories data = PeerTrainingBench.data(rows, steps, 0.01, 0.01);
      for (int i = 0; i < methods.length; i++) {
        double[] grad = new double[model.parameterCount()];
        if (steps < 256) methods[i].lossAndGradient(model, data, grad); // long windows: warm already
        int reps = steps >= 256 ? 1 : 3;
        double[] ms = new double[reps];
        for (int r = 0; r < reps; r++) {
          long t0 = System.nanoTime();
          methods[i].lossAndGradient(model, data, grad);
          ms[r] = (System.nanoTime() - t0) * 1e-6;
        }
        java.util.Arrays.sort(ms);
        MemoryUse m = methods[i].memory(model, data);
        System.out.printf(
            "%s,%d,%.3f,%.3f,%.3f,%.1f%n",
            names[i],
            steps,
            m.retainedBytes() / 1e6,
            8 * m.accountedDoubles() / 1e6,
            m.allocatedBytes() / 1e6,
            ms[reps / 2]);
      }
    }
    System.out.printf("# peak RSS %.1f MB%n", ProcStatus.peakRssMb());
  }
}

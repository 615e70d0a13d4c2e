package org.hamlab.bench;

import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.GradientMethod;
import org.hamlab.engine.adjoint.MemoryUse;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;

/**
 * paper.md §10 protocol: memory and time of one gradient at B = 512 for window lengths L, for the
 * reversible adjoint, the stored-state adjoint and backprop (6 sweeps), on the paper's 2-16-32-16-1
 * network and double-well data (dt = 0.01). Prints one CSV line per (method, L).
 */
public final class GradientMemoryBench {
  public static void main(String[] args) {
    int rows = 512;
    Mlp model = Mlp.create(MlpSpec.of(1));
    GradientMethod[] methods = {
      DiscreteAdjoint.defaults().withWindowLoss(WindowLoss.peer()),
      DiscreteAdjoint.defaults()
          .withWindowLoss(WindowLoss.peer())
          .withCheckpoints(Checkpoints.all()),
      Backprop.defaults().withWindowLoss(WindowLoss.peer())
    };
    String[] names = {"adjoint", "adjoint-stored", "backprop"};
    System.out.println("method,L,retained_MB,accounted_MB,jvm_allocated_MB,ms_per_gradient");
    for (int steps : new int[] {4, 8, 16, 32, 64, 128, 256}) {
      Trajectories data = PeerTrainingBench.data(rows, steps, 0.01, 0.01);
      for (int i = 0; i < methods.length; i++) {
        double[] grad = new double[model.parameterCount()];
        for (int w = 0; w < 2; w++) methods[i].lossAndGradient(model, data, grad);
        long t0 = System.nanoTime();
        int reps = 3;
        for (int r = 0; r < reps; r++) methods[i].lossAndGradient(model, data, grad);
        double ms = (System.nanoTime() - t0) * 1e-6 / reps;
        MemoryUse m = methods[i].memory(model, data);
        System.out.printf(
            "%s,%d,%.3f,%.3f,%.3f,%.1f%n",
            names[i],
            steps,
            m.retainedBytes() / 1e6,
            8 * m.accountedDoubles() / 1e6,
            m.allocatedBytes() / 1e6,
            ms);
      }
    }
  }
}

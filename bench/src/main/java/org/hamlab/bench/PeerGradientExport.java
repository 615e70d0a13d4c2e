package org.hamlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hamlab.engine.adjoint.Backprop;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.MidpointSolve;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;

/**
 * Writes weights, data and hamlab's gradients for the peer's configuration (2→64→64→1 tanh with
 * output bias, dt = 0.1, 16 windows of L = 8 steps, loss from the first observation) as JSON, for
 * {@code bench/src/main/python/peer_gradient_check.py} to compare against {@code torch_hnn.py} on
 * the same weights. Usage: {@code PeerGradientExport out.json}.
 */
public final class PeerGradientExport {
  public static void main(String[] args) throws IOException {
    int rows = 16, steps = 8;
    Trajectories data = PeerTrainingBench.data(rows, steps, 0.1, 0.01);
    Mlp model = Mlp.create(MlpSpec.of(1).withHidden(64, 64).withOutputBias(true).withSeed(4));
    double[] backprop = new double[model.parameterCount()], adjoint = backprop.clone();
    double lossBackprop =
        Backprop.defaults()
            .withWindowLoss(WindowLoss.peer())
            .withSolve(MidpointSolve.fixed(5))
            .lossAndGradient(model, data, backprop);
    double lossAdjoint =
        DiscreteAdjoint.defaults()
            .withWindowLoss(WindowLoss.peer())
            .lossAndGradient(model, data, adjoint);
    String json =
        "{\"B\":"
            + rows
            + ",\"L\":"
            + steps
            + ",\"dt\":"
            + data.dt()
            + ",\"theta\":"
            + Arrays.toString(model.parameters())
            + ",\"states\":"
            + Arrays.toString(data.states())
            + ",\"backprop\":"
            + Arrays.toString(backprop)
            + ",\"adjoint\":"
            + Arrays.toString(adjoint)
            + ",\"loss_backprop\":"
            + lossBackprop
            + ",\"loss_adjoint\":"
            + lossAdjoint
            + "}";
    Files.writeString(Path.of(args.length > 0 ? args[0] : "peer-gradients.json"), json);
  }
}

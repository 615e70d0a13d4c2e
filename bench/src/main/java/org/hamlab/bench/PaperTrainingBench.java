package org.hamlab.bench;

import org.hamlab.engine.adjoint.Checkpoints;
import org.hamlab.engine.adjoint.DiscreteAdjoint;
import org.hamlab.engine.adjoint.MidpointSolve;
import org.hamlab.engine.adjoint.WindowLoss;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.train.Plateau;
import org.hamlab.engine.train.TrainResult;
import org.hamlab.engine.train.TrainSpec;
import org.hamlab.engine.train.Trainer;

/**
 * The paper's training workload (paper.md §5.1) as the peer runs it ({@code --N 16384 --batch 512
 * --L 6 --dt 0.01 --n 6 --hidden 16,32,16 --lr 0.01}): double well, 7-point windows, Adam. Uses
 * hamlab's defaults otherwise (exact adjoint, reversible, converged solves) unless {@code peer} is
 * given (loss from the first observation, 6 fixed sweeps, stored states).
 *
 * <p>Usage: {@code PaperTrainingBench [f64|f32] [epochs] [default|peer]}
 */
public final class PaperTrainingBench {
  public static void main(String[] args) {
    Precision precision =
        args.length > 0 && args[0].equals("f32") ? Precision.FLOAT32 : Precision.FLOAT64;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    boolean peer = args.length > 2 && args[2].equals("peer");
    Trajectories data = PeerTrainingBench.data(16384, 6, 0.01, 0.01);
    DiscreteAdjoint gradient = DiscreteAdjoint.defaults();
    if (peer) {
      gradient =
          gradient
              .withWindowLoss(WindowLoss.peer())
              .withSolve(MidpointSolve.fixed(6))
              .withCheckpoints(Checkpoints.all());
    }
    Mlp model = Mlp.create(MlpSpec.of(1).withPrecision(precision));
    TrainSpec spec =
        TrainSpec.defaults()
            .withEpochs(epochs + 1)
            .withPlateau(Plateau.off())
            .withGradient(gradient);
    TrainResult r = new Trainer(spec).train(model, data, null);
    double[] secs = r.history().stream().skip(1).mapToDouble(e -> e.seconds()).sorted().toArray();
    System.out.printf(
        "RESULT paper-workload %s %s threads=%d sec_per_epoch_median=%.3f min=%.3f loss %.4e ->"
            + " %.4e%n",
        precision,
        peer ? "peer-conventions" : "hamlab-defaults",
        Tiles.threads(),
        secs[secs.length / 2],
        secs[0],
        r.history().getFirst().trainLoss(),
        r.history().getLast().trainLoss());
  }
}

package org.hamlab.engine.train;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.testing.Nets;
import org.hamlab.engine.testing.WindowData;
import org.junit.jupiter.api.Test;

class TrainerTest {
  static final Trajectories TRAIN = WindowData.generate(new DoubleWell(), 96, 9, 0.01, 0.01, 1);
  static final Trajectories VAL = WindowData.generate(new DoubleWell(), 32, 9, 0.01, 0.01, 2);

  static ParametricHamiltonian model() {
    return Nets.mlp(1, 7, 16, 16);
  }

  static TrainSpec spec(int epochs) {
    return TrainSpec.defaults()
        .withEpochs(epochs)
        .withBatchSize(32)
        .withLearningRate(0.01)
        .withSeed(5);
  }

  /** paper.md §8.1: mean |H_θ − c − H| over a grid, c the mean offset. */
  static double hamiltonianError(ParametricHamiltonian model) {
    int side = 21, n = side * side;
    double[] z = new double[2 * n], hm = new double[n], ht = new double[n];
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        z[i * side + j] = -1.5 + 3.0 * i / (side - 1);
        z[n + i * side + j] = -1.5 + 3.0 * j / (side - 1);
      }
    }
    model.value(z, n, hm);
    new DoubleWell().value(z, n, ht);
    double c = 0;
    for (int b = 0; b < n; b++) c += (hm[b] - ht[b]) / n;
    double e = 0;
    for (int b = 0; b < n; b++) e += Math.abs(hm[b] - c - ht[b]) / n;
    return e;
  }

  @Test
  void shortTrainingReducesTheLossAndTheHamiltonianError() {
    ParametricHamiltonian m = model();
    double before = hamiltonianError(m);
    List<TrainEvent> events = new ArrayList<>();
    TrainResult r =
        new Trainer(spec(30).withBatchSize(16)).withListener(events::add).train(m, TRAIN, VAL);
    assertEquals(StopReason.COMPLETED, r.stopReason());
    assertEquals(30, r.history().size());
    double first = r.history().getFirst().validationLoss(), last = r.bestLoss();
    assertTrue(last < 0.2 * first, "validation loss " + first + " → " + last);
    double after = hamiltonianError(m);
    assertTrue(after < 0.5 * before, "H error " + before + " → " + after);
    assertArrayEquals(r.parameters(), m.parameters(), 0.0, "the model holds the best parameters");
    assertEquals(30 * 6, events.stream().filter(e -> e instanceof TrainEvent.StepEnded).count());
    assertInstanceOf(TrainEvent.Finished.class, events.getLast());
  }

  @Test
  void sameSeedGivesBitwiseTheSameWeightsOnAnyThreadCount() {
    TrainResult a = new Trainer(spec(3)).train(model(), TRAIN, VAL);
    TrainResult[] b = new TrainResult[1];
    // inside an engine worker, Tiles runs sequentially: the one-thread path
    Tiles.forEach(
        2,
        1,
        (t, from, to) -> {
          if (t == 0) b[0] = new Trainer(spec(3)).train(model(), TRAIN, VAL);
        });
    assertArrayEquals(a.parameters(), b[0].parameters(), 0.0);
    TrainResult c = new Trainer(spec(3).withSeed(6)).train(model(), TRAIN, VAL);
    assertFalse(
        java.util.Arrays.equals(a.parameters(), c.parameters()),
        "another seed shuffles differently");
  }

  @Test
  void cancellationReturnsTheBestModelSoFar() {
    TrainResult two = new Trainer(spec(2)).train(model(), TRAIN, VAL);
    assertEquals(2, two.bestEpoch());
    CancelToken token = new CancelToken();
    TrainResult r =
        new Trainer(spec(10))
            .withCancel(token)
            .withListener(
                e -> {
                  if (e instanceof TrainEvent.StepEnded s && s.epoch() == 3 && s.step() == 2)
                    token.cancel();
                })
            .train(model(), TRAIN, VAL);
    assertEquals(StopReason.CANCELLED, r.stopReason());
    assertTrue(r.message().contains("epoch 3, step 3"), r.message());
    assertEquals(2, r.bestEpoch());
    assertArrayEquals(two.parameters(), r.parameters(), 0.0);
  }

  @Test
  void interruptStopsLikeCancel() {
    try {
      TrainResult r =
          new Trainer(spec(5))
              .withListener(
                  e -> {
                    if (e instanceof TrainEvent.EpochEnded) Thread.currentThread().interrupt();
                  })
              .train(model(), TRAIN, VAL);
      assertEquals(StopReason.CANCELLED, r.stopReason());
      assertEquals(1, r.bestEpoch());
      assertTrue(
          Thread.currentThread().isInterrupted(), "the interrupt flag stays set for the caller");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void nanGradientStopsNamingEpochAndStepAndKeepsLastGoodParameters() {
    Poisoned m = new Poisoned(model(), 2 * 18 + 6 + 3);
    TrainResult r = new Trainer(spec(10)).train(m, TRAIN, VAL);
    assertEquals(StopReason.DIVERGED, r.stopReason());
    // 6 mixed-derivative calls per minibatch (one per step of the 7-point window), 3 minibatches
    // per epoch
    assertTrue(r.message().contains("epoch 3, step 2: gradient entry 0 is NaN"), r.message());
    assertTrue(r.bestEpoch() == 1 || r.bestEpoch() == 2, "best of the two finished epochs");
    assertNotNull(m.atPoison);
    assertArrayEquals(m.atPoison, r.lastParameters(), 0.0, "the poisoned step was not applied");
    for (double v : r.parameters()) assertTrue(Double.isFinite(v));
  }

  @Test
  void aFailingImplicitSolveStopsNamingEpochAndStep() {
    Stiffened m = new Stiffened(model());
    // after the first step the field is scaled by 1e8: (h/2)‖S‖ ≫ 1 and the fixed point diverges
    TrainResult r =
        new Trainer(spec(3))
            .withListener(
                e -> {
                  if (e instanceof TrainEvent.StepEnded) m.scale = 1e8;
                })
            .train(m, TRAIN, VAL);
    assertEquals(StopReason.SOLVE_FAILED, r.stopReason(), r.message());
    assertTrue(
        r.message()
            .startsWith("training stopped at epoch 1, step 2: implicit-midpoint failed at step 0"),
        r.message());
    assertTrue(r.message().contains("batch row") && r.message().contains("state ["), r.message());
    for (double v : r.lastParameters()) assertTrue(Double.isFinite(v));
  }

  @Test
  void warmStartBeginsFromTheGivenParameters() {
    TrainResult a = new Trainer(spec(1)).train(model(), TRAIN, VAL);
    CancelToken stopNow = new CancelToken();
    stopNow.cancel();
    ParametricHamiltonian fresh = model();
    TrainResult r =
        new Trainer(spec(1))
            .withWarmStart(a.parameters())
            .withCancel(stopNow)
            .train(fresh, TRAIN, VAL);
    assertEquals(0, r.bestEpoch());
    assertArrayEquals(a.parameters(), fresh.parameters(), 0.0);
  }

  @Test
  void earlyStoppingEndsAStalledRunAndStepEventsCarryTheRateAndTimeLeft() {
    List<TrainEvent.StepEnded> steps = new ArrayList<>();
    TrainResult r =
        new Trainer(spec(20).withLearningRate(1e-12).withEarlyStopping(2))
            .withListener(
                e -> {
                  if (e instanceof TrainEvent.StepEnded s) steps.add(s);
                })
            .train(model(), TRAIN, VAL);
    assertEquals(StopReason.EARLY_STOPPED, r.stopReason(), r.message());
    assertEquals(3, r.history().size(), "epoch 1 sets the reference, 2 and 3 do not improve it");
    assertEquals(9, steps.size());
    for (TrainEvent.StepEnded s : steps) {
      assertTrue(
          Double.isFinite(s.secondsLeft())
              && s.secondsLeft() >= 0
              && s.learningRate() == 1e-12
              && s.stepsPerEpoch() == 3);
    }
  }

  @Test
  void tooShortTrajectoriesAreRefusedClearly() {
    Trajectories shortData = TRAIN.window(4);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Trainer(spec(1)).train(model(), shortData, null));
    assertTrue(e.getMessage().contains("withWindow"), e.getMessage());
  }

  /** Delegates to a model, with ∇H multiplied by {@code scale}. */
  static final class Stiffened extends Delegate {
    volatile double scale = 1;

    Stiffened(ParametricHamiltonian inner) {
      super(inner);
    }

    @Override
    public void gradient(double[] z, int n, double[] out) {
      inner.gradient(z, n, out);
      for (int i = 0; i < 2 * n; i++) out[i] *= scale;
    }
  }

  /** Delegates to a model and writes NaN into the gradient on the k-th mixed-derivative call. */
  static final class Poisoned extends Delegate {
    final int poisonAt;
    int calls;
    double[] atPoison;

    Poisoned(ParametricHamiltonian inner, int poisonAt) {
      super(inner);
      this.poisonAt = poisonAt;
    }

    @Override
    public synchronized void accumulateMixed(double[] z, double[] v, int n, double[] grad) {
      inner.accumulateMixed(z, v, n, grad);
      if (++calls == poisonAt) {
        grad[0] = Double.NaN;
        atPoison = inner.parameters().clone();
      }
    }
  }

  /** Forwards every call to {@code inner}. */
  abstract static class Delegate implements ParametricHamiltonian {
    final ParametricHamiltonian inner;

    Delegate(ParametricHamiltonian inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return "wrapped " + inner.name();
    }

    @Override
    public int dof() {
      return inner.dof();
    }

    @Override
    public int parameterCount() {
      return inner.parameterCount();
    }

    @Override
    public double[] parameters() {
      return inner.parameters();
    }

    @Override
    public void value(double[] z, int n, double[] out) {
      inner.value(z, n, out);
    }

    @Override
    public void gradient(double[] z, int n, double[] out) {
      inner.gradient(z, n, out);
    }

    @Override
    public void hessianVector(double[] z, double[] v, int n, double[] out) {
      inner.hessianVector(z, v, n, out);
    }

    @Override
    public void accumulateParameterGradient(double[] z, double[] w, int n, double[] g) {
      inner.accumulateParameterGradient(z, w, n, g);
    }

    @Override
    public void accumulateMixed(double[] z, double[] v, int n, double[] grad) {
      inner.accumulateMixed(z, v, n, grad);
    }
  }
}

package org.hamlab.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.TestSetSpec;
import org.hamlab.engine.data.TestSets;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.metric.HamiltonianError;
import java.util.List;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.system.SpringMass;
import org.hamlab.engine.train.CancelToken;
import org.hamlab.engine.train.StopReason;
import org.hamlab.engine.train.TrainEvent;
import org.junit.jupiter.api.Test;

/** Both baselines learn the harmonic oscillator from their own data, with their own networks. */
class BaselineTrainingTest {
  private static final SpringMass OSC = new SpringMass();

  private static double uniformError(Mlp m) {
    TestSet set = TestSets.uniform(TestSetSpec.forSystem(OSC).withUniformCount(5000));
    return HamiltonianError.compute(m, OSC, set).mean();
  }

  @Test
  void nssnnLearnsTheHarmonicOscillator() {
    Trajectories[] split = Pairs.split(BaselineData.nssnn(OSC, 1), BaselineData.NSSNN_TRAIN_FRACTION);
    Mlp m = BaselineNetworks.nssnn(1, 0);
    double before = uniformError(m);
    var r = new BaselineTrainer(BaselineSpec.nssnn().withEpochs(15)).train(m, split[0], split[1]);
    double after = uniformError(m);
    assertEquals(StopReason.COMPLETED, r.stopReason(), r.message());
    // |H_θ − c − H| ≈ 0.7 untrained (H ranges over [0, 4] on the box)
    assertTrue(after < 0.1 && after < 0.15 * before, "H error " + before + " -> " + after);
    // the L1 loss cannot go below the uniform endpoint noise, mean |U(−0.004, 0.004)| = 0.002
    assertTrue(r.bestLoss() > 0.0015 && r.bestLoss() < 0.01, "loss " + r.bestLoss());
  }

  @Test
  void shnnLearnsTheHarmonicOscillator() {
    Trajectories[] split = Pairs.split(BaselineData.shnn(OSC, 1), BaselineData.SHNN_TRAIN_FRACTION);
    Mlp m = BaselineNetworks.shnn(1, 0);
    double before = uniformError(m);
    var r = new BaselineTrainer(BaselineSpec.shnn().withEpochs(150)).train(m, split[0], split[1]);
    double after = uniformError(m);
    assertTrue(after < 0.1 && after < 0.15 * before, "H error " + before + " -> " + after);
    // noise floor of the residual: (y₁ − y₀)/h carries noise of variance 2σ_eff²/h² = 0.04
    assertTrue(r.bestLoss() > 0.03, "loss " + r.bestLoss());
  }

  @Test
  void likeForLikePairsTrainToo() {
    // the like-for-like option: pairs cut from 7-point windows of our kind of data
    var spec = new org.hamlab.engine.data.TrajectorySpec(OSC, 200, 7, 0.01, 0.01, 3,
        org.hamlab.engine.data.Split.TRAIN, new org.hamlab.engine.integrator.ImplicitMidpoint(),
        org.hamlab.engine.data.InitialConditions.paper(OSC));
    Trajectories pairs = Pairs.fromWindows(org.hamlab.engine.data.TrajectoryGenerator.generate(spec), 7);
    assertEquals(1200, pairs.count());
    Mlp m = BaselineNetworks.shnn(1, 0);
    double before = uniformError(m);
    new BaselineTrainer(BaselineSpec.shnn().withEpochs(60)).train(m, pairs, null);
    assertTrue(uniformError(m) < 0.5 * before, before + " -> " + uniformError(m));
  }

  @Test
  void sameSeedSameParametersAndCancellationKeepsTheBest() {
    Trajectories[] split = Pairs.split(BaselineData.nssnn(OSC, 600, 2), 0.9);
    BaselineSpec spec = BaselineSpec.nssnn().withEpochs(3).withBatchSize(128).withSeed(5);
    // a tanh net: Mlp's sigmoid (lanewise EXP) differs in the last bits between the interpreted and
    // the C2-compiled kernel, so a sigmoid run during JIT warm-up is not bitwise repeatable
    MlpSpec tanh = new MlpSpec(1, List.of(32, 32), Activation.TANH, true, Precision.FLOAT64, 0);
    Mlp a = Mlp.create(tanh), b = Mlp.create(tanh);
    new BaselineTrainer(spec).train(a, split[0], split[1]);
    new BaselineTrainer(spec).train(b, split[0], split[1]);
    assertArrayEquals(a.parameters(), b.parameters());

    CancelToken token = new CancelToken();
    Mlp c = BaselineNetworks.nssnn(1, 0);
    var r = new BaselineTrainer(spec.withEpochs(50)).withCancel(token).withListener(e -> {
      if (e instanceof TrainEvent.EpochEnded ee && ee.record().epoch() == 2) token.cancel();
    }).train(c, split[0], split[1]);
    assertEquals(StopReason.CANCELLED, r.stopReason());
    assertEquals(2, r.history().size());
    assertArrayEquals(r.parameters(), c.parameters());
  }

  @Test
  void aNonFiniteLossStopsAndKeepsTheLastGoodParameters() {
    Trajectories clean = BaselineData.shnn(OSC, 64, 1);
    double[] s = clean.states().clone();
    s[s.length - 1] = Double.NaN; // one corrupt observation in the last minibatch
    Trajectories pairs = new Trajectories(1, 64, 2, 0.1, s, null);
    Mlp m = BaselineNetworks.shnn(1, 0);
    double[] before = m.parameters().clone();
    var r = new BaselineTrainer(BaselineSpec.shnn().withEpochs(5).withBatchSize(32).withSeed(0))
        .train(m, pairs, null);
    assertEquals(StopReason.DIVERGED, r.stopReason(), r.message());
    assertTrue(r.message().contains("epoch 1, step"), r.message());
    for (double t : m.parameters()) assertTrue(Double.isFinite(t));
    assertArrayEquals(before, m.parameters()); // no epoch finished: the initial ones are the best
  }
}

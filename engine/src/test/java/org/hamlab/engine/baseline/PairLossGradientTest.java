package org.hamlab.engine.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.Tao;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.testing.FiniteDifference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Both pair losses' gradients against central finite differences (float64). */
class PairLossGradientTest {

  static Mlp net(int dof, Activation a, boolean bias, long seed) {
    Mlp m = Mlp.create(new MlpSpec(dof, List.of(8, 6), a, bias, Precision.FLOAT64, seed));
    return m;
  }

  /** Random pairs, y₁ a perturbation of y₀. */
  static Trajectories pairs(int dof, int n, double h, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int dim = 2 * dof;
    double[] s = new double[2 * dim * n];
    for (int i = 0; i < dim * n; i++) {
      s[i] = 2 * r.nextDouble() - 1;
      s[dim * n + i] = s[i] + 0.3 * (2 * r.nextDouble() - 1);
    }
    return new Trajectories(dof, n, 2, h, s, null);
  }

  static void check(PairLoss loss, Mlp model, Trajectories data) {
    double[] grad = new double[model.parameterCount()];
    double l = loss.lossAndGradient(model, data, grad);
    assertEquals(loss.loss(model, data), l, 1e-15 * Math.abs(l));
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 4; trial++) {
      double[] dir = new double[grad.length];
      if (trial < 2) {
        for (int i = 0; i < dir.length; i++) dir[i] = r.nextGaussian();
      } else {
        dir[r.nextInt(dir.length)] = 1; // one coordinate, e.g. a first-layer weight or a bias
      }
      double analytic = 0;
      for (int i = 0; i < dir.length; i++) analytic += grad[i] * dir[i];
      double fd = FiniteDifference.directional(model, dir, 1e-4, m -> loss.loss(m, data));
      assertEquals(fd, analytic, 1e-6 * Math.max(1e-3, Math.abs(fd)),
          loss.name() + " trial " + trial + ": fd " + fd + " vs analytic " + analytic);
    }
  }

  @ParameterizedTest
  @CsvSource({"1, SIGMOID, true", "2, SIGMOID, true", "1, TANH, false", "2, TANH, false"})
  void taoPredictionGradientMatchesFiniteDifferences(int dof, Activation a, boolean bias) {
    check(new TaoPredictionLoss(20), net(dof, a, bias, 3), pairs(dof, 37, 0.01, 11));
    // a larger step exercises the rotation and the cross terms more strongly
    check(new TaoPredictionLoss(5), net(dof, a, bias, 4), pairs(dof, 23, 0.2, 12));
  }

  @ParameterizedTest
  @CsvSource({"1, TANH, false", "2, TANH, false", "1, SIGMOID, true", "2, SIGMOID, true"})
  void midpointResidualGradientMatchesFiniteDifferences(int dof, Activation a, boolean bias) {
    check(new MidpointResidualLoss(), net(dof, a, bias, 5), pairs(dof, 41, 0.1, 13));
  }

  @Test
  void taoStepOfTheLossIsTheIntegratorsTaoStep() {
    Mlp model = net(2, Activation.SIGMOID, true, 9);
    int n = 19;
    Trajectories p = pairs(2, n, 0.05, 3);
    double[] z0 = java.util.Arrays.copyOf(p.states(), 4 * n);
    double[] mine = new TaoPredictionLoss(20).step(model, 0.05, z0, n);
    Tao tao = new Tao(20);
    double[] z = new double[8 * n];
    tao.extend(model, z0, n, z);
    tao.step(model, 0.05, z, n, tao.workspace(model, n));
    for (int i = 0; i < z.length; i++) assertEquals(z[i], mine[i], 1e-14, "component " + i);
  }

  @Test
  void midpointResidualIsZeroForTheExactMidpointStepOfTheModel() {
    // for y₁ = implicit-midpoint step of H_θ itself, the SHNN residual vanishes
    Mlp model = net(1, Activation.TANH, false, 2);
    int n = 5;
    double h = 0.05;
    Trajectories p = pairs(1, n, h, 4);
    double[] y = p.states().clone();
    double[] z1 = java.util.Arrays.copyOf(y, 2 * n);
    var im = new org.hamlab.engine.integrator.ImplicitMidpoint();
    im.step(model, h, z1, n, im.workspace(model, n));
    System.arraycopy(z1, 0, y, 2 * n, 2 * n);
    double l = new MidpointResidualLoss().loss(model, new Trajectories(1, n, 2, h, y, null));
    assertTrue(l < 1e-20, "residual loss " + l);
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    Mlp model = net(1, Activation.TANH, false, 1);
    Trajectories three = new Trajectories(1, 2, 3, 0.1, new double[12], null);
    var e = assertThrows(IllegalArgumentException.class,
        () -> new MidpointResidualLoss().loss(model, three));
    assertTrue(e.getMessage().contains("2 points"), e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> new TaoPredictionLoss().loss(model, pairs(2, 3, 0.1, 1)));
    assertTrue(e2.getMessage().contains("degree"), e2.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TaoPredictionLoss(0));
  }
}

package org.hamlab.engine.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class OptimizerTest {

  /** Textbook Adam: the first step is lr·g/(|g| + ε) ≈ lr whatever the gradient's scale. */
  @Test
  void adamFirstStepMovesByTheLearningRate() {
    for (double g : new double[] {1, 100, -3e-4}) {
      double[] theta = {0.5, -2};
      Optimizer.State s = Adam.defaults().start(2);
      s.apply(theta, new double[] {g, g}, 0.01);
      double expected = 0.01 * Math.signum(g) * Math.abs(g) / (Math.abs(g) + 1e-8);
      assertEquals(0.5 - expected, theta[0], 1e-15, "g = " + g);
      assertEquals(-2 - expected, theta[1], 1e-15, "g = " + g);
      if (Math.abs(g) >= 1)
        assertEquals(0.01, Math.abs(0.5 - theta[0]), 0.01 * 1e-7, "≈ lr for g = " + g);
    }
  }

  @Test
  void adamSecondStepFollowsTheBiasCorrectedMoments() {
    double[] theta = {0};
    Optimizer.State s = Adam.defaults().start(1);
    s.apply(theta, new double[] {1}, 0.1);
    s.apply(theta, new double[] {-2}, 0.1);
    double m = 0.9 * 0.1 * 1 + 0.1 * -2, v = 0.999 * 0.001 * 1 + 0.001 * 4;
    double second = 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.998001)) + 1e-8);
    double first = 0.1 / (1 + 1e-8);
    assertEquals(-first - second, theta[0], 1e-14);
  }

  @Test
  void sgdWithMomentumIsHeavyBall() {
    double[] theta = {1};
    Optimizer.State s = new Sgd(0.5).start(1);
    s.apply(theta, new double[] {2}, 0.1);
    s.apply(theta, new double[] {2}, 0.1);
    assertEquals(1 - 0.1 * 2 - 0.1 * (0.5 * 2 + 2), theta[0], 1e-15);
  }

  @Test
  void plateauReducesAfterPatienceEpochsWithoutRelativeImprovement() {
    Plateau.Schedule s = new Plateau.Schedule(Plateau.paper().withPatience(2));
    double lr = 1;
    lr = s.step(1.0, lr);
    lr = s.step(0.99995, lr); // within the 1e-4 relative threshold: not an improvement
    lr = s.step(0.99999, lr);
    assertEquals(1, lr);
    lr = s.step(1.0, lr); // third bad epoch > patience 2
    assertEquals(0.1, lr, 1e-15);
    lr = s.step(0.5, lr);
    assertEquals(0.1, lr, 1e-15);
    assertEquals(0.7, new Plateau.Schedule(Plateau.off()).step(3, 0.7));
  }
}

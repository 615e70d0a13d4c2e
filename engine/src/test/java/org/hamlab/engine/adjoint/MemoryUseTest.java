package org.hamlab.engine.adjoint;

import static org.junit.jupiter.api.Assertions.*;

import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.testing.Nets;
import org.hamlab.engine.testing.WindowData;
import org.junit.jupiter.api.Test;

/** paper.md §10: memory of one gradient as a function of the window length L. */
class MemoryUseTest {

  @Test
  void accountedAllocationsMatchTheAnalyticalCounts() {
    ParametricHamiltonian model = Nets.mlp(1, 1, 8, 8);
    for (int points : new int[] {3, 9, 17}) {
      Trajectories w = WindowData.generate(new DoubleWell(), 20, points, 0.01, 0.01, 2);
      for (GradientMethod m :
          new GradientMethod[] {
            DiscreteAdjoint.defaults().withTile(8),
            DiscreteAdjoint.defaults().withCheckpoints(Checkpoints.all()),
            DiscreteAdjoint.defaults().withCheckpoints(Checkpoints.every(3)),
            DiscreteAdjoint.defaults().withAdjointSolve(AdjointSolve.fixedPoint()),
            Backprop.defaults().withTile(8),
            AuthorsGradient.defaults()
          }) {
        MemoryUse use = m.memory(model, w);
        assertEquals(
            use.retainedDoubles(), use.accountedDoubles(), m + " at " + points + " points");
        assertTrue(
            use.allocatedBytes() >= 8 * use.accountedDoubles(), "the JVM saw the buffers: " + use);
      }
    }
  }

  @Test
  void adjointMemoryIsFlatInLWhileBackpropGrowsLinearly() {
    int rows = 512, params = 1136;
    DiscreteAdjoint adjoint = DiscreteAdjoint.defaults();
    Backprop backprop = Backprop.defaults();
    DiscreteAdjoint stored = adjoint.withCheckpoints(Checkpoints.all());
    long a4 = adjoint.retainedDoubles(1, rows, 4, params),
        a256 = adjoint.retainedDoubles(1, rows, 256, params);
    assertEquals(a4, a256, "reversible adjoint must not grow with L");
    long b4 = backprop.retainedDoubles(1, rows, 4, params),
        b8 = backprop.retainedDoubles(1, rows, 8, params);
    long b256 = backprop.retainedDoubles(1, rows, 256, params);
    assertEquals(b256 - b4, (b8 - b4) * 63, "backprop grows linearly in L");
    // per step: one state plus (1 predictor midpoint + 6 sweeps) tape inputs, 2 doubles per row
    // each
    assertEquals(
        4L * 8 * rows * 2, b8 - b4, "4 more steps of 8 stored states of 2 doubles per row");
    long s4 = stored.retainedDoubles(1, rows, 4, params),
        s8 = stored.retainedDoubles(1, rows, 8, params);
    assertEquals(4L * rows * 2, s8 - s4, "stored adjoint: one state per step");
    assertTrue(b256 > 20 * a256, "at L = 256 backprop holds far more than the reversible adjoint");
  }
}

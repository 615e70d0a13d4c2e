package org.hamlab.engine.adjoint;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.ParametricHamiltonian;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;
import org.hamlab.engine.testing.FiniteDifference;
import org.hamlab.engine.testing.Nets;
import org.hamlab.engine.testing.Vectors;
import org.hamlab.engine.testing.WindowData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact discrete adjoint (paper.md §7.3) against finite differences of the true loss. */
class DiscreteAdjointGradientTest {

  static java.util.List<String> systems() {
    return Systems.names();
  }

  static ParametricHamiltonian net(Hamiltonian system, long seed) {
    return Nets.mlp(system.dof(), seed, 16, 32, 16);
  }

  /** Random unit directions plus single coordinates: g·v against d/dε L(θ + εv). */
  static double worstDirectionalError(
      GradientMethod method, ParametricHamiltonian model, Trajectories w, long seed) {
    double[] g = new double[model.parameterCount()];
    method.lossAndGradient(model, w, g);
    SplittableRandom r = new SplittableRandom(seed);
    double worst = 0;
    for (int trial = 0; trial < 5; trial++) {
      double[] dir = new double[g.length];
      if (trial < 3) {
        for (int i = 0; i < dir.length; i++) dir[i] = r.nextDouble(-1, 1);
      } else {
        dir[r.nextInt(dir.length)] = 1;
      }
      double fd = FiniteDifference.directional(model, dir, 1e-4, m -> method.loss(m, w));
      double an = Vectors.dot(g, dir);
      worst = Math.max(worst, Math.abs(an - fd) / Math.max(Math.abs(fd), 1e-3 * Vectors.norm(g)));
    }
    return worst;
  }

  @ParameterizedTest
  @MethodSource("systems")
  void matchesFiniteDifferencesOnEveryNamedSystem(String name) {
    Hamiltonian system = Systems.byName(name);
    Trajectories w = WindowData.generate(system, 5, 7, 0.01, 0.05, 11);
    ParametricHamiltonian model = net(system, 3);
    DiscreteAdjoint adjoint = DiscreteAdjoint.defaults().withTile(2);
    double err = worstDirectionalError(adjoint, model, w, 5);
    assertTrue(err < 1e-7, name + ": relative error " + err);
  }

  @Test
  void peerScalingFromObservedStartMatchesFiniteDifferences() {
    Hamiltonian system = Systems.byName("double-well");
    Trajectories w = WindowData.generate(system, 4, 9, 0.1, 0.01, 2);
    ParametricHamiltonian model = Nets.mlp(1, 4, 8, 8);
    DiscreteAdjoint adjoint =
        DiscreteAdjoint.defaults()
            .withWindowLoss(WindowLoss.peer())
            .withCheckpoints(Checkpoints.all());
    assertTrue(worstDirectionalError(adjoint, model, w, 6) < 1e-7);
  }

  @Test
  void storedCheckpointedReversibleAndFixedPointVariantsAgree() {
    Hamiltonian system = Systems.byName("henon-heiles");
    Trajectories w = WindowData.generate(system, 6, 25, 0.01, 0.02, 8);
    ParametricHamiltonian model = net(system, 9);
    DiscreteAdjoint base =
        DiscreteAdjoint.defaults().withCheckpoints(Checkpoints.all()).withTile(4);
    double[] ref = new double[model.parameterCount()];
    double lossRef = base.lossAndGradient(model, w, ref);
    for (DiscreteAdjoint variant :
        new DiscreteAdjoint[] {
          base.withCheckpoints(Checkpoints.none()),
          base.withCheckpoints(Checkpoints.every(5)),
          base.withCheckpoints(Checkpoints.every(7)),
          base.withAdjointSolve(AdjointSolve.fixedPoint()),
          base.withSolve(MidpointSolve.converged().withExtrapolate(false)),
          base.withSolve(MidpointSolve.converged().withExtrapolate(false))
              .withCheckpoints(Checkpoints.none())
        }) {
      double[] g = new double[ref.length];
      double loss = variant.lossAndGradient(model, w, g);
      assertEquals(lossRef, loss, 1e-15 * lossRef, variant.toString());
      assertTrue(
          Vectors.relativeError(g, ref) < 1e-11, variant + ": " + Vectors.relativeError(g, ref));
    }
    assertEquals(lossRef, base.loss(model, w), 1e-15 * lossRef);
  }

  @Test
  void notConvergedForwardSolveNamesStepRowAndState() {
    Hamiltonian system = Systems.byName("double-well");
    Trajectories w = WindowData.generate(system, 3, 4, 0.01, 0.01, 1);
    ParametricHamiltonian model = net(system, 1);
    DiscreteAdjoint tight =
        DiscreteAdjoint.defaults().withSolve(new MidpointSolve(1, 1e-300, false));
    var e =
        assertThrows(
            org.hamlab.engine.integrator.SolveException.class,
            () -> tight.lossAndGradient(model, w, new double[model.parameterCount()]));
    assertEquals(0, e.step());
    assertTrue(
        e.getMessage().contains("step 0") && e.getMessage().contains("batch row"), e.getMessage());
  }

  /** The converged solve (tolerance 1e-14) accepts the round-off floor of float32 kernels. */
  @Test
  void float32NetworkWorksWithTheDefaultSolveAndMatchesFloat64() {
    Hamiltonian system = Systems.byName("double-well");
    Trajectories w = WindowData.generate(system, 64, 7, 0.01, 0.05, 1);
    Mlp m64 = Nets.mlp(1, 3, 16, 32, 16), m32 = m64.withPrecision(Precision.FLOAT32);
    double[] g64 = new double[m64.parameterCount()], g32 = g64.clone();
    double l64 = DiscreteAdjoint.defaults().lossAndGradient(m64, w, g64);
    double l32 = DiscreteAdjoint.defaults().lossAndGradient(m32, w, g32);
    assertEquals(l64, l32, 1e-5 * l64);
    assertTrue(
        Vectors.relativeError(g32, g64) < 1e-4,
        "f32 vs f64 gradient " + Vectors.relativeError(g32, g64));
  }

  @Test
  void missingCleanStatesGiveAClearError() {
    Hamiltonian system = Systems.byName("double-well");
    Trajectories w = WindowData.generate(system, 3, 4, 0.01, 0.01, 1);
    Trajectories observedOnly = new Trajectories(1, 3, 4, 0.01, w.states(), null);
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DiscreteAdjoint.defaults().loss(net(system, 1), observedOnly));
    assertTrue(e.getMessage().contains("Start.OBSERVED"), e.getMessage());
  }
}

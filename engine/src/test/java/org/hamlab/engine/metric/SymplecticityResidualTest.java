package org.hamlab.engine.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hamlab.engine.integrator.AuthorsStormerVerlet;
import org.hamlab.engine.integrator.GaussLegendre;
import org.hamlab.engine.integrator.GeneralizedStormerVerlet;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.Leapfrog;
import org.hamlab.engine.integrator.RungeKutta4;
import org.hamlab.engine.integrator.Tao;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SymplecticityResidualTest {
  static final double H = 0.1;

  static double[] point(Hamiltonian s) {
    // a generic point: away from equilibria, within the paper's boxes
    return s.dim() == 2 ? new double[] {0.7, -0.4} : new double[] {0.15, -0.1, 0.2, 0.12};
  }

  static Stream<Arguments> symplecticPairs() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String name : Systems.names()) {
      Hamiltonian s = Systems.byName(name);
      b.add(Arguments.of(name, new ImplicitMidpoint()));
      b.add(Arguments.of(name, new GaussLegendre()));
      b.add(Arguments.of(name, new GeneralizedStormerVerlet()));
      if (s.separable()) {
        b.add(Arguments.of(name, new Leapfrog()));
        b.add(Arguments.of(name, new AuthorsStormerVerlet()));
      }
    }
    return b.build();
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("symplecticPairs")
  void symplecticMethodsHaveRoundOffResidual(String name, Integrator integrator) {
    Hamiltonian s = Systems.byName(name);
    var r = SymplecticityResidual.compute(s, integrator, H, point(s));
    assertTrue(r.detDefect() < 1e-9, integrator.name() + " on " + name + ": |det − 1| = " + r.detDefect());
    assertTrue(r.formDefect() < 1e-9, integrator.name() + " on " + name + ": ‖DᵀJD − J‖ = " + r.formDefect());
  }

  @Test
  void authorsSvIsNotSymplecticOnTheCoupledOscillator() {
    var cho = new CoupledOscillator();
    var r = SymplecticityResidual.compute(cho, new AuthorsStormerVerlet(), H, 1, 0.5);
    assertTrue(r.detDefect() > 1e-5, "paper.md §6.3 reports 1.2e-4, got " + r.detDefect());
    assertEquals(1.2e-4, r.detDefect(), 0.3e-4, "same order as paper.md §6.3");
    // more sweeps do not help: the old-p quirk, not the solve, breaks symplecticity
    var r100 = SymplecticityResidual.compute(cho, new AuthorsStormerVerlet(100), H, 1, 0.5);
    assertTrue(r100.detDefect() > 1e-5, "K = 100: " + r100.detDefect());
  }

  @Test
  void rk4IsMeasurablyNotSymplectic() {
    // O(h⁵): 1.6e-8 at h = 0.1, so at h = 0.3 it is ~4e-6, far above the metric's round-off
    var r = SymplecticityResidual.compute(new DoubleWell(), new RungeKutta4(), 0.3, 0.7, -0.4);
    assertTrue(r.max() > 1e-7, "RK4 defect " + r.max());
  }

  @Test
  void jacobianOfALinearMapIsExact() {
    // implicit midpoint on the coupled oscillator is the Cayley transform of A = J·[[1, α], [α, 1]]
    double a = 0.5, h = H;
    var r = SymplecticityResidual.compute(new CoupledOscillator(a), new ImplicitMidpoint(), h, 1, 0.5);
    // A = [[α, 1], [−1, −α]]; D = (I − hA/2)⁻¹ (I + hA/2)
    double[][] m = {{1 - h * a / 2, -h / 2}, {h / 2, 1 + h * a / 2}};
    double[][] p = {{1 + h * a / 2, h / 2}, {-h / 2, 1 - h * a / 2}};
    double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    double[][] inv = {{m[1][1] / det, -m[0][1] / det}, {-m[1][0] / det, m[0][0] / det}};
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double e = inv[i][0] * p[0][j] + inv[i][1] * p[1][j];
        assertEquals(e, r.jacobian()[i * 2 + j], 1e-11, "D[" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void refusesExtendedStateAndBadPoints() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SymplecticityResidual.compute(new DoubleWell(), new Tao(), H, 1, 0.5));
    assertTrue(e.getMessage().contains("extended"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SymplecticityResidual.compute(new DoubleWell(), new ImplicitMidpoint(), H, 1, 0.5, 3));
    assertThrows(IllegalArgumentException.class,
        () -> SymplecticityResidual.compute(new DoubleWell(), new ImplicitMidpoint(), H, 1, Double.NaN));
  }
}

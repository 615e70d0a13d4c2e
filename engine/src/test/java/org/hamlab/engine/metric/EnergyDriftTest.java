package org.hamlab.engine.metric;

import static org.junit.jupiter.api.Assertions.*;

import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.integrator.Workspace;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.junit.jupiter.api.Test;

class EnergyDriftTest {

  /** Classical explicit RK4 on f = J∇H: order 4, not symplectic (a local twin for this test). */
  static final class ExplicitRk4 implements Integrator {
    @Override
    public String name() {
      return "test-rk4";
    }

    @Override
    public int order() {
      return 4;
    }

    @Override
    public StepStatus step(Hamiltonian system, double h, double[] z, int n, Workspace ws) {
      int len = system.dim() * n;
      double[] k1 = ws.state(0),
          k2 = ws.state(1),
          k3 = ws.state(2),
          k4 = ws.state(3),
          y = ws.state(4);
      field(system, z, n, k1);
      for (int i = 0; i < len; i++) y[i] = z[i] + 0.5 * h * k1[i];
      field(system, y, n, k2);
      for (int i = 0; i < len; i++) y[i] = z[i] + 0.5 * h * k2[i];
      field(system, y, n, k3);
      for (int i = 0; i < len; i++) y[i] = z[i] + h * k3[i];
      field(system, y, n, k4);
      for (int i = 0; i < len; i++) z[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      return StepStatus.OK;
    }

    /** out = J∇H(z) = (∂H/∂p, −∂H/∂q). */
    private static void field(Hamiltonian system, double[] z, int n, double[] out) {
      int half = system.dof() * n;
      double[] g = new double[2 * half];
      system.gradient(z, n, g);
      for (int i = 0; i < half; i++) {
        out[i] = g[half + i];
        out[half + i] = -g[i];
      }
    }
  }

  static double[] initialStates(int n) {
    double[] z = new double[2 * n];
    for (int b = 0; b < n; b++) {
      double a = 2 * Math.PI * b / n;
      z[b] = 1.5 * Math.cos(a);
      z[n + b] = 1.5 * Math.sin(a);
    }
    return z;
  }

  @Test
  void implicitMidpointConservesTheQuadraticInvariantOfTheOscillator() {
    Hamiltonian cho = new CoupledOscillator();
    EnergyDrift d =
        EnergyDrift.compute(
            cho, cho, new ImplicitMidpoint(), 0.1, 20_000, 100, initialStates(8), 8);
    assertEquals(201, d.points());
    assertEquals(10.0, d.dt(), 1e-12);
    // paper.md §13: |H − H₀| ≤ 7e-15 over 1000 steps; over 20 000 steps the solve tolerance
    // (1e-14 relative change) and round-off add up to a few 1e-12 (RK4 below: ~1e-4)
    assertTrue(d.max() < 1e-10, "IM energy error " + d.max());
    assertTrue(Math.abs(d.slope()) < 1e-13, "IM slope " + d.slope());
  }

  @Test
  void explicitRk4DriftsLinearlyOnTheOscillator() {
    Hamiltonian cho = new CoupledOscillator();
    int n = 8;
    double[] z0 = initialStates(n);
    EnergyDrift rk = EnergyDrift.compute(cho, cho, new ExplicitRk4(), 0.1, 20_000, 100, z0, n);
    EnergyDrift im = EnergyDrift.compute(cho, cho, new ImplicitMidpoint(), 0.1, 20_000, 100, z0, n);
    // RK4 on a linear system damps H by |R(iωh)|² ≈ 1 − (ωh)⁶/72 per step, ω = √(1 − α²):
    // about 6e-9 relative per step, so ~1e-4 relative after 20 000 steps
    double[] h0 = new double[n];
    cho.value(z0, n, h0);
    double w = Math.sqrt(1 - 0.25) * 0.1, perStep = Math.pow(w, 6) / 72;
    for (int b = 0; b < n; b++) {
      double expected = h0[b] * (1 - Math.pow(1 - perStep, 20_000));
      assertEquals(expected, rk.at(200, b), 0.05 * expected, "row " + b);
    }
    assertTrue(rk.max() > 1e6 * im.max(), "RK4 " + rk.max() + " vs IM " + im.max());
    assertTrue(rk.slope() > 0, "slope " + rk.slope());
    // linear growth: the error at t = 2000 is twice that at t = 1000
    double[] curve = rk.meanCurve();
    assertEquals(2.0, curve[200] / curve[100], 0.01);
    assertEquals(curve[200] / 2000, rk.slope(), 0.02 * curve[200] / 2000);
  }

  @Test
  void measuresTheTrueEnergyAlongAnotherDynamics() {
    // dynamics from a scaled oscillator H' = 2H have the same orbits: the true energy stays flat
    Hamiltonian cho = new CoupledOscillator();
    Hamiltonian doubled =
        new Hamiltonian() {
          @Override
          public String name() {
            return "2·cho";
          }

          @Override
          public int dof() {
            return 1;
          }

          @Override
          public void value(double[] z, int n, double[] out) {
            cho.value(z, n, out);
            for (int b = 0; b < n; b++) out[b] *= 2;
          }

          @Override
          public void gradient(double[] z, int n, double[] out) {
            cho.gradient(z, n, out);
            for (int i = 0; i < 2 * n; i++) out[i] *= 2;
          }

          @Override
          public void hessianVector(double[] z, double[] v, int n, double[] out) {
            cho.hessianVector(z, v, n, out);
            for (int i = 0; i < 2 * n; i++) out[i] *= 2;
          }
        };
    EnergyDrift same =
        EnergyDrift.compute(
            doubled, cho, new ImplicitMidpoint(), 0.05, 1000, 10, initialStates(4), 4);
    assertTrue(same.max() < 1e-12, "max " + same.max());
    // a different system's dynamics (double well) do not conserve the oscillator's energy
    EnergyDrift other =
        EnergyDrift.compute(
            new DoubleWell(), cho, new ImplicitMidpoint(), 0.05, 1000, 10, initialStates(4), 4);
    assertTrue(other.max() > 0.1, "max " + other.max());
  }

  @Test
  void storedTrajectoriesAndCurvesAreConsistent() {
    // two trajectories of 3 points with hand-computed spring-mass energies
    Hamiltonian cho = new CoupledOscillator(0.0);
    double[] traj = {1, 0, 0, 1, /* s=1 */ 2, 0, 0, 0, /* s=2 */ 0, 0, 0, 3};
    EnergyDrift d = EnergyDrift.of(cho, traj, 2, 3, 0.5);
    // H0 = (0.5, 0.5); s=1: (2, 0) → |1.5|, |−0.5|; s=2: (0, 4.5) → 0.5, 4
    assertArrayEquals(new double[] {0, 0, 1.5, 0.5, 0.5, 4.0}, d.drift(), 1e-15);
    assertEquals(4.0, d.max());
    assertEquals((1.5 + 0.5 + 0.5 + 4.0) / 4, d.mean(), 1e-15);
    assertArrayEquals(new double[] {0, 1.0, 2.25}, d.meanCurve(), 1e-15);
    assertArrayEquals(new double[] {0, 1.5, 4.0}, d.maxCurve(), 1e-15);
    assertArrayEquals(new double[] {1.5, 4.0}, d.maxPerTrajectory(), 1e-15);
    assertArrayEquals(new double[] {1.0, 2.25}, d.meanPerTrajectory(), 1e-15);
    // per trajectory: (0, 1.5, 0.5) → slope 0.5; (0, 0.5, 4) → slope 4
    assertArrayEquals(new double[] {0.5, 4.0}, d.slopePerTrajectory(), 1e-14);
    assertArrayEquals(new double[] {0, 0.5, 1.0}, d.times(), 1e-15);
    // least squares through (0, 0), (0.5, 1), (1, 2.25): slope = Σ(t−t̄)(y−ȳ)/Σ(t−t̄)² = 2.25
    assertEquals(2.25, d.slope(), 1e-14);
    // the same through the shared trajectory type
    EnergyDrift viaSet = EnergyDrift.of(cho, new Trajectories(1, 2, 3, 0.5, traj, null));
    assertEquals(d, viaSet);
  }

  @Test
  void mismatchedShapesAreRefused() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EnergyDrift.of(new DoubleWell(), new double[10], 2, 3, 0.1));
    assertTrue(e.getMessage().contains("need 12 values"), e.getMessage());
  }
}

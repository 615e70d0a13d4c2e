package org.hamlab.engine.data;

import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.Integrator;
import org.hamlab.engine.integrator.RungeKutta4;
import org.hamlab.engine.system.Hamiltonian;

/**
 * What {@link TrajectoryGenerator} makes (paper.md §3.1): {@code count} trajectories of {@code
 * points} points spaced {@code dt}, from initial states drawn from {@code initial}, integrated by
 * {@code integrator} with step dt, observed with i.i.d. Gaussian noise of standard deviation
 * {@code noise} on every point except index 0.
 *
 * <p>{@code noise} is the <em>effective</em> σ. The authors' generator adds its noise tensor twice
 * (erratum 10, paper.md §11), so their {@code --noise_level 0.005} means σ = 0.010 (the default
 * here) and 0.008 means σ = 0.016. {@code noise = 0} gives noise-free data.
 *
 * @param system the true Hamiltonian
 * @param count number of trajectories
 * @param points points per trajectory including t = 0 (the paper: round(T/dt) + 1)
 * @param dt time between points and integrator step
 * @param noise effective noise σ, ≥ 0
 * @param seed fixes every draw: initial states from stream ("initial/" + split, b), noise from
 *     ("noise/" + split, b), b the trajectory index
 * @param split which data set; names the random streams
 * @param integrator ground truth; converged {@link ImplicitMidpoint} by default
 * @param initial box of initial states
 */
public record TrajectorySpec(Hamiltonian system, int count, int points, double dt, double noise,
    long seed, Split split, Integrator integrator, InitialConditions initial) {

  /** The paper's step, 0.01. */
  public static final double PAPER_DT = 0.01;
  /** The README's effective noise σ, 0.01 (noise_level 0.005 added twice). */
  public static final double PAPER_NOISE = 0.01;

  public TrajectorySpec {
    if (system == null || split == null || integrator == null || initial == null) {
      throw new IllegalArgumentException("system, split, integrator and initial must not be null");
    }
    if (count < 1) throw new IllegalArgumentException("count must be ≥ 1, got " + count);
    if (points < 1) {
      throw new IllegalArgumentException("points must be ≥ 1 (the initial state), got " + points);
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
    }
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("noise σ must be finite and ≥ 0 (0 = noise-free), got " + noise);
    }
    if (initial.dim() != system.dim()) {
      throw new IllegalArgumentException("the initial box has " + initial.dim() + " components but "
          + system.name() + " has state dimension " + system.dim());
    }
  }

  /**
   * The paper's data set for a system and split: its count, horizon T (double well 20, coupled
   * oscillator and spring-mass 10, Hénon–Heiles 5, others 10), dt = 0.01, σ = 0.01, converged
   * implicit midpoint and the paper's box.
   */
  public static TrajectorySpec paper(Hamiltonian system, Split split, long seed) {
    double horizon = switch (system.name()) {
      case "double-well" -> 20;
      case "henon-heiles" -> 5;
      default -> 10;
    };
    return new TrajectorySpec(system, split.paperCount(), pointsFor(horizon, PAPER_DT), PAPER_DT,
        PAPER_NOISE, seed, split, new ImplicitMidpoint(), InitialConditions.paper(system));
  }

  /** Time span covered, (points − 1)·dt. */
  public double horizon() {
    return (points - 1) * dt;
  }

  public TrajectorySpec withCount(int c) {
    return new TrajectorySpec(system, c, points, dt, noise, seed, split, integrator, initial);
  }

  public TrajectorySpec withPoints(int p) {
    return new TrajectorySpec(system, count, p, dt, noise, seed, split, integrator, initial);
  }

  /** Points covering [0, T] at the current dt: round(T/dt) + 1. */
  public TrajectorySpec withHorizon(double t) {
    return withPoints(pointsFor(t, dt));
  }

  public TrajectorySpec withDt(double d) {
    return new TrajectorySpec(system, count, points, d, noise, seed, split, integrator, initial);
  }

  public TrajectorySpec withNoise(double sigma) {
    return new TrajectorySpec(system, count, points, dt, sigma, seed, split, integrator, initial);
  }

  public TrajectorySpec withSeed(long s) {
    return new TrajectorySpec(system, count, points, dt, noise, s, split, integrator, initial);
  }

  public TrajectorySpec withSplit(Split s) {
    return new TrajectorySpec(system, count, points, dt, noise, seed, s, integrator, initial);
  }

  public TrajectorySpec withIntegrator(Integrator i) {
    return new TrajectorySpec(system, count, points, dt, noise, seed, split, i, initial);
  }

  /** Ground truth by RK4 with {@code substeps} sub-steps per dt instead of implicit midpoint. */
  public TrajectorySpec withRungeKutta4(int substeps) {
    return withIntegrator(new RungeKutta4(substeps));
  }

  /**
   * Ground truth by the authors' exact generator procedure (paper.md §3.1): implicit midpoint with
   * the half-step guess and 5 fixed sweeps in float32. Deviates from the converged default by a few
   * 1e-6 over 1000 steps.
   */
  public TrajectorySpec withAuthorsProcedure() {
    return withIntegrator(ImplicitMidpoint.faithful(5, true));
  }

  public TrajectorySpec withInitial(InitialConditions box) {
    return new TrajectorySpec(system, count, points, dt, noise, seed, split, integrator, box);
  }

  private static int pointsFor(double horizon, double dt) {
    if (!(horizon >= 0) || !Double.isFinite(horizon)) {
      throw new IllegalArgumentException("horizon T must be finite and ≥ 0, got " + horizon);
    }
    long p = Math.round(horizon / dt) + 1;
    if (p > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("horizon " + horizon + " / dt " + dt
          + " is too many points");
    }
    return (int) p;
  }
}

package org.hamlab.bench;

import java.util.concurrent.TimeUnit;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.integrator.Workspace;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One implicit-midpoint step (RK2 predictor plus fixed-point sweeps to the default tolerance,
 * paper.md §6.1) of a named system on one batch of {@code n} states, one thread.
 *
 * <p>The batch starts in the paper's training box ({@link SystemKernelsBenchmark#trainingBox}) and
 * is advanced in place, as {@code Rollout} does, so the states move along their bounded orbits
 * between invocations. h = 0.01 is the paper's step, h = 0.1 the peer's (more sweeps per step).
 * Forks, warm-up and module flags as in {@link SystemKernelsBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 3,
    jvmArgsAppend = {
      "--add-modules=jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED",
      "--sun-misc-unsafe-memory-access=allow"
    })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ImplicitMidpointKernelsBenchmark {

  @Param({"double-well", "coupled-oscillator", "henon-heiles"})
  public String system;

  @Param({"4096"})
  public int n;

  @Param({"0.01", "0.1"})
  public double h;

  private Hamiltonian hamiltonian;
  private ImplicitMidpoint midpoint;
  private Workspace workspace;
  private double[] z;

  @Setup(Level.Trial)
  public void setUp() {
    hamiltonian = Systems.byName(system);
    z = SystemKernelsBenchmark.trainingBox(hamiltonian, n, 0);
    midpoint = new ImplicitMidpoint();
    workspace = midpoint.workspace(hamiltonian, n);
  }

  @Benchmark
  public double[] step() {
    double[] y = z;
    StepStatus st = midpoint.step(hamiltonian, h, y, n, workspace);
    if (!st.ok())
      throw new IllegalStateException("implicit midpoint failed in the benchmark: " + st);
    return y;
  }
}

package org.hamlab.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hamlab.engine.random.Seeds;
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
 * The named systems' batch kernels on one batch of {@code n} states (state layout), one thread: H,
 * ∇H and the Hessian-vector product. States are drawn in the paper's training boxes (paper.md §13:
 * U[−2, 2]² for d = 1, U[−0.3, 0.3]⁴ for Hénon–Heiles).
 *
 * <p>Three forks at least, so that the bimodal JIT outcomes of libraries.md §3.6 show up as spread
 * between forks; a command-line {@code -jvmArgsAppend} replaces the module flag below, so repeat it
 * there (libraries.md §4).
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
public class SystemKernelsBenchmark {

  @Param({"double-well", "coupled-oscillator", "henon-heiles"})
  public String system;

  @Param({"4096"})
  public int n;

  private Hamiltonian hamiltonian;
  private double[] z, v, out, values;

  @Setup(Level.Trial)
  public void setUp() {
    hamiltonian = Systems.byName(system);
    z = trainingBox(hamiltonian, n, 0);
    v = trainingBox(hamiltonian, n, 1);
    out = new double[z.length];
    values = new double[n];
  }

  /** n states in the paper's training box of {@code system}, state layout (paper.md §13). */
  static double[] trainingBox(Hamiltonian system, int n, long index) {
    double box = system.dof() == 1 ? 2.0 : 0.3;
    SplittableRandom r = Seeds.stream(0, "bench/kernels", index);
    double[] z = new double[system.dim() * n];
    for (int i = 0; i < z.length; i++) z[i] = r.nextDouble(-box, box);
    return z;
  }

  @Benchmark
  public double[] value() {
    double[] o = values;
    hamiltonian.value(z, n, o);
    return o;
  }

  @Benchmark
  public double[] gradient() {
    double[] o = out;
    hamiltonian.gradient(z, n, o);
    return o;
  }

  @Benchmark
  public double[] hessianVector() {
    double[] o = out;
    hamiltonian.hessianVector(z, v, n, o);
    return o;
  }
}

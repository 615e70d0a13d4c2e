package org.hamlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH timings of the MLP kernels (paper.md §7.4) on a batch of 4096 states: value+gradient, HVP
 * and the mixed derivative, for the 2→64→64→1 and the paper's 2→16→32→16→1 tanh nets in both
 * precisions. GFLOP/s = counted FLOPs / time, with per-sample FLOPs 2M, 4M and 6M for the three
 * operations, M = Σ_k 2·n_{k−1}·n_k (see {@link MlpKernelMain}): M = 8576 for 64-64 and 2144 for
 * 16-32-16.
 *
 * <p>Threads: {@code -jvmArgsAppend "--add-modules=jdk.incubator.vector -Dhamlab.threads=1"}
 * (repeat the module flag: a command-line jvmArgsAppend replaces the annotation's, libraries.md
 * §4). Use ≥ 3 forks so that bimodal JIT outcomes (libraries.md §3.6) show up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--sun-misc-unsafe-memory-access=allow"})
public class MlpKernelBenchmark {
  @Param({"64-64", "16-32-16"})
  public String hidden;

  @Param({"FLOAT32", "FLOAT64"})
  public Precision precision;

  @Param({"4096"})
  public int batch;

  private Mlp mlp;
  private double[] z;
  private double[] v;
  private double[] h;
  private double[] g;
  private double[] hv;
  private double[] grad;

  @Setup
  public void setUp() {
    int[] widths = Arrays.stream(hidden.split("-")).mapToInt(Integer::parseInt).toArray();
    mlp = Mlp.create(MlpSpec.of(1).withHidden(widths).withPrecision(precision).withSeed(1));
    SplittableRandom r = new SplittableRandom(3);
    z = new double[2 * batch];
    v = new double[2 * batch];
    for (int i = 0; i < z.length; i++) {
      z[i] = 4 * r.nextDouble() - 2;
      v[i] = 2 * r.nextDouble() - 1;
    }
    h = new double[batch];
    g = new double[2 * batch];
    hv = new double[2 * batch];
    grad = new double[mlp.parameterCount()];
  }

  @Benchmark
  public double[] valueAndGradient() {
    Mlp m = mlp;
    m.valueAndGradient(z, batch, h, g);
    return g;
  }

  @Benchmark
  public double[] hessianVector() {
    Mlp m = mlp;
    m.hessianVector(z, v, batch, hv);
    return hv;
  }

  @Benchmark
  public double[] mixed() {
    Mlp m = mlp;
    m.accumulateMixed(z, v, batch, grad);
    return grad;
  }
}

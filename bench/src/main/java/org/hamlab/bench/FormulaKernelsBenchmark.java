package org.hamlab.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;
import org.hamlab.engine.system.formula.FormulaSystem;
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
 * JMH twin of {@link FormulaBenchmark}: H, ∇H and the Hessian-vector product of a named system
 * ({@code kind = named}) and of the same Hamiltonian given as a formula, evaluated by generated
 * scalar code ({@code bytecode}), generated Vector API code ({@code vector}) or the default
 * {@code tiered} (scalar, then vector code after a background warm-up of about 2 s),
 * one batch of {@code n} states (state layout), one thread. The ratio formula/named of the scores
 * is the figure to report (required ≤ 3). Three forks, so that bimodal JIT outcomes show
 * (libraries.md §3.6); a command-line {@code -jvmArgsAppend} replaces the module flag below.
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
public class FormulaKernelsBenchmark {

  /** The formula of each named system (paper.md §2). */
  static final Map<String, String> FORMULAS = Map.of(
      "double-well", "p^2/2 + q^4/4 - q^2/2",
      "coupled-oscillator", "q^2/2 + p^2/2 + alpha*q*p",
      "henon-heiles", "(p1^2+p2^2)/2 + (q1^2+q2^2)/2 + q1^2*q2 - q2^3/3",
      "product-quadratic", "(q^2+1)*(p^2+1)/2");

  @Param({"double-well", "henon-heiles", "coupled-oscillator", "product-quadratic"})
  public String system;

  @Param({"named", "tiered", "bytecode", "vector"})
  public String kind;

  @Param({"4096"})
  public int n;

  private Hamiltonian hamiltonian;
  private double[] z, v, out, values;

  @Setup(Level.Trial)
  public void setUp() {
    if (!kind.equals("named")) System.setProperty(FormulaSystem.BACKEND_PROPERTY, kind);
    hamiltonian = kind.equals("named") ? Systems.byName(system)
        : FormulaSystem.parse(FORMULAS.get(system), Map.of("alpha", 0.5).entrySet().stream()
            .filter(e -> FORMULAS.get(system).contains(e.getKey()))
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    SplittableRandom r = Seeds.stream(0, "bench/formula", 0);
    double box = hamiltonian.dof() == 1 ? 2.0 : 0.3; // paper.md §13 training boxes
    z = new double[hamiltonian.dim() * n];
    v = new double[hamiltonian.dim() * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = r.nextDouble(-box, box);
      v[i] = r.nextDouble(-1, 1);
    }
    out = new double[z.length];
    values = new double[n];
  }

  @Benchmark
  public double[] value() {
    hamiltonian.value(z, n, values);
    return values;
  }

  @Benchmark
  public double[] gradient() {
    hamiltonian.gradient(z, n, out);
    return out;
  }

  @Benchmark
  public double[] hessianVector() {
    hamiltonian.hessianVector(z, v, n, out);
    return out;
  }
}

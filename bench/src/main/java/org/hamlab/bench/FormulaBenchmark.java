package org.hamlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.HenonHeiles;
import org.hamlab.engine.system.ProductQuadratic;
import org.hamlab.engine.system.formula.FormulaSystem;

/**
 * Formula systems against the hand-written named systems: time per row for H, ∇H and the
 * Hessian-vector product on batches of {@code n} rows: one thread, thread CPU time, warm-up, then
 * the best of {@code rounds} (named and formula timed alternately in each round). Prints ns/row
 * and the ratio formula/hand-written for each evaluation backend (1.0 = as fast; the requirement
 * is ≤ 3).
 *
 * <p>Run: {@code mvn -B -o -q -pl engine,bench compile && java --add-modules jdk.incubator.vector
 * -cp engine/target/classes:bench/target/classes org.hamlab.bench.FormulaBenchmark [n] [rounds]
 * [backends]} with backends a comma list of tiered, bytecode, vector, interpreter (default all).
 * For tiered, the timing waits until the background warm-up has switched to vector code.
 * {@code -Dwarmup.small=false} skips the 20,000 small warm-up calls (cold JIT outcomes). Timings
 * on a shared machine are noisy; compare ratios, not absolute numbers.
 */
public final class FormulaBenchmark {

  private record Pair(Hamiltonian named, String formula, Map<String, Double> parameters) {}

  private interface Op {
    void run(Hamiltonian h, double[] z, double[] v, int n, double[] out);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SMALL_WARMUP =
      Boolean.parseBoolean(System.getProperty("warmup.small", "true"));

  private FormulaBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String all = "tiered,bytecode,vector,interpreter";
    String[] backends = (args.length > 2 ? args[2] : all).split(",");
    List<Pair> pairs = List.of(
        new Pair(new DoubleWell(), "p^2/2 + q^4/4 - q^2/2", Map.of()),
        new Pair(new HenonHeiles(), "(p1^2+p2^2)/2 + (q1^2+q2^2)/2 + q1^2*q2 - q2^3/3", Map.of()),
        new Pair(new CoupledOscillator(), "q^2/2 + p^2/2 + alpha*q*p", Map.of("alpha", 0.5)),
        new Pair(new ProductQuadratic(), "(q^2+1)*(p^2+1)/2", Map.of()));
    String[] names = {"value", "gradient", "hessianVector"};
    Op[] ops = {
        (h, z, v, m, out) -> h.value(z, m, out),
        (h, z, v, m, out) -> h.gradient(z, m, out),
        (h, z, v, m, out) -> h.hessianVector(z, v, m, out)};
    System.out.printf("n = %d rows, best of %d rounds, 1 thread, %d processors%n", n, rounds,
        Runtime.getRuntime().availableProcessors());
    for (String backend : backends) {
      System.setProperty(FormulaSystem.BACKEND_PROPERTY, backend);
      long start = System.nanoTime();
      List<FormulaSystem> formulas = new ArrayList<>();
      for (Pair pair : pairs) formulas.add(FormulaSystem.parse(pair.formula(), pair.parameters()));
      System.out.printf("%nbackend %s (parse + value/gradient code for %d formulas: %.1f ms)%n",
          backend, pairs.size(), (System.nanoTime() - start) / 1e6);
      System.out.printf("%-20s %-14s %14s %14s %8s%n", "system", "op", "named ns/row",
          "formula ns/row", "ratio");
      for (int s = 0; s < pairs.size(); s++) {
        Hamiltonian named = pairs.get(s).named(), formula = formulas.get(s);
        int dim = named.dim();
        SplittableRandom r = Seeds.stream(1, "formula-benchmark");
        double[] z = new double[dim * n], v = new double[dim * n], out = new double[dim * n];
        for (int i = 0; i < z.length; i++) {
          z[i] = r.nextDouble(-1, 1);
          v[i] = r.nextDouble(-1, 1);
        }
        for (int o = 0; o < ops.length; o++) {
          Op op = ops[o];
          int reps = Math.max(1, 1_000_000 / n);
          // Warm-up: many small calls, then full batches (libraries.md §3.6).
          for (int i = 0; i < (SMALL_WARMUP ? 20_000 : 0); i++) {
            op.run(named, z, v, 4, out);
            op.run(formula, z, v, 4, out);
          }
          for (int i = 0; i < 5 * reps; i++) {
            op.run(named, z, v, n, out);
            op.run(formula, z, v, n, out);
          }
          // The tiered backend switches to vector code once its background warm-up is done.
          long wait = System.nanoTime();
          while (System.getProperty(FormulaSystem.BACKEND_PROPERTY).equals("tiered")
              && !formulas.get(s).vectorised() && System.nanoTime() - wait < 20e9) {
            op.run(formula, z, v, n, out);
          }
          double bestNamed = Double.MAX_VALUE, bestFormula = Double.MAX_VALUE;
          for (int round = 0; round < rounds; round++) {
            bestNamed = Math.min(bestNamed, time(op, named, z, v, n, out, reps));
            bestFormula = Math.min(bestFormula, time(op, formula, z, v, n, out, reps));
          }
          System.out.printf("%-20s %-14s %14.3f %14.3f %8.2f%n", named.name(), names[o],
              bestNamed, bestFormula, bestFormula / bestNamed);
        }
      }
    }
  }

  /**
   * Thread CPU nanoseconds per row over {@code reps} calls: CPU time rather than wall time, so
   * that rounds in which the shared machine descheduled this thread do not count.
   */
  private static double time(Op op, Hamiltonian h, double[] z, double[] v, int n, double[] out,
      int reps) {
    long t0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < reps; i++) op.run(h, z, v, n, out);
    return (THREADS.getCurrentThreadCpuTime() - t0) / (double) reps / n;
  }
}

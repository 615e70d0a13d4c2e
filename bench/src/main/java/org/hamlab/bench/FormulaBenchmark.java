package org.hamlab.bench;

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
 * Formula systems against the hand-written named systems: time per batch of {@code n} rows for
 * H, ∇H and the Hessian-vector product, one thread, warm-up then best of {@code rounds}.
 * Prints the ratio formula/hand-written (1.0 = as fast; the target is at most 3).
 *
 * <p>Run: {@code mvn -B -o -q -pl engine,bench compile && java -cp
 * engine/target/classes:bench/target/classes org.hamlab.bench.FormulaBenchmark [n] [rounds]}; add
 * {@code -Dhamlab.formula.backend=interpreter} to time the column-wise interpreter instead.
 * Timings on a shared machine are noisy; compare the ratios, which are interleaved per round.
 */
public final class FormulaBenchmark {

  private record Pair(Hamiltonian named, FormulaSystem formula) {}

  private interface Op {
    void run(Hamiltonian h, double[] z, double[] v, int n, double[] out);
  }

  /** {@code -Dwarmup.small=false} skips the 20,000 small warm-up calls (cold JIT outcomes). */
  private static final boolean SMALL_WARMUP =
      Boolean.parseBoolean(System.getProperty("warmup.small", "true"));

  private FormulaBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    long start = System.nanoTime();
    List<Pair> pairs = List.of(
        new Pair(new DoubleWell(), FormulaSystem.parse("p^2/2 + q^4/4 - q^2/2")),
        new Pair(new HenonHeiles(),
            FormulaSystem.parse("(p1^2+p2^2)/2 + (q1^2+q2^2)/2 + q1^2*q2 - q2^3/3")),
        new Pair(new CoupledOscillator(),
            FormulaSystem.parse("q^2/2 + p^2/2 + alpha*q*p", Map.of("alpha", 0.5))),
        new Pair(new ProductQuadratic(), FormulaSystem.parse("(q^2+1)*(p^2+1)/2")));
    System.out.printf("compiled %d formulas in %.1f ms (parse, differentiate, generate code)%n",
        pairs.size(), (System.nanoTime() - start) / 1e6);
    System.out.printf("backend %s, n = %d rows, best of %d rounds, 1 thread%n",
        System.getProperty(FormulaSystem.BACKEND_PROPERTY, "vector"), n, rounds);
    String[] names = {"value", "gradient", "hessianVector"};
    Op[] ops = {
        (h, z, v, m, out) -> h.value(z, m, out),
        (h, z, v, m, out) -> h.gradient(z, m, out),
        (h, z, v, m, out) -> h.hessianVector(z, v, m, out)};
    System.out.printf("%-20s %-14s %12s %12s %8s%n", "system", "op", "named ns/row",
        "formula ns/row", "ratio");
    for (Pair pair : pairs) {
      int dim = pair.named().dim();
      SplittableRandom r = Seeds.stream(1, "formula-benchmark");
      double[] z = new double[dim * n], v = new double[dim * n], out = new double[dim * n];
      for (int i = 0; i < z.length; i++) {
        z[i] = r.nextDouble(-1, 1);
        v[i] = r.nextDouble(-1, 1);
      }
      for (int o = 0; o < ops.length; o++) {
        Op op = ops[o];
        int reps = Math.max(1, 2_000_000 / n);
        // Warm-up: many small calls, then full batches (libraries.md §3.6).
        for (int i = 0; i < (SMALL_WARMUP ? 20_000 : 0); i++) {
          op.run(pair.named(), z, v, 4, out);
          op.run(pair.formula(), z, v, 4, out);
        }
        for (int i = 0; i < 5 * reps; i++) {
          op.run(pair.named(), z, v, n, out);
          op.run(pair.formula(), z, v, n, out);
        }
        double bestNamed = Double.MAX_VALUE, bestFormula = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
          bestNamed = Math.min(bestNamed, time(op, pair.named(), z, v, n, out, reps));
          bestFormula = Math.min(bestFormula, time(op, pair.formula(), z, v, n, out, reps));
        }
        System.out.printf("%-20s %-14s %12.3f %12.3f %8.2f%n", pair.named().name(), names[o],
            bestNamed, bestFormula, bestFormula / bestNamed);
      }
    }
  }

  /** Nanoseconds per row over {@code reps} calls. */
  private static double time(Op op, Hamiltonian h, double[] z, double[] v, int n, double[] out,
      int reps) {
    long t0 = System.nanoTime();
    for (int i = 0; i < reps; i++) op.run(h, z, v, n, out);
    return (System.nanoTime() - t0) / (double) reps / n;
  }
}

package org.hamlab.spark;

import static org.hamlab.dsl.Hamlab.*;

import java.util.Locale;
import org.hamlab.dsl.sweep.Sweep;
import org.hamlab.dsl.sweep.SweepResult;

/**
 * Throughput of sweeps (BENCHMARKS.md "Sweeps"): in-process one run at a time vs two at once, and
 * a 64-run double-well sweep in-process vs on Spark. Not a test; run with the test class path:
 * {@code java -cp ... org.hamlab.spark.SweepThroughput [count] [epochs] [runs] [masters...]}.
 */
public final class SweepThroughput {
  public static void main(String[] args) {
    quiet();
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    var base = train(system("double-well").trajectories(count).noise(0.01)).epochs(epochs).batch(128);
    Sweep s = sweep(base).over("lr", 3e-3, 1e-2).seeds(runs / 2);
    s.seeds(2).run(); // warm-up: JIT and the data cache
    String[] ref = null;
    for (String where : args.length > 3 ? java.util.Arrays.copyOfRange(args, 3, args.length) : new String[] {"1", "2"}) {
      Sweep w = where.matches("\\d+") ? s.parallel(Integer.parseInt(where)) : s.on(where);
      long t0 = System.nanoTime();
      SweepResult r = w.run();
      double secs = (System.nanoTime() - t0) / 1e9;
      double runSecs = r.results().stream().mapToDouble(x -> x.seconds()).sum();
      String[] hashes = r.results().stream().map(x -> x.modelSha256()).toArray(String[]::new);
      boolean same = ref == null || java.util.Arrays.equals(ref, hashes);
      if (ref == null) ref = hashes;
      System.out.printf(Locale.ROOT, "RESULT where=%s runs=%d count=%d epochs=%d wall_s=%.1f runs_per_min=%.1f "
          + "mean_run_s=%.2f overhead_per_run_s=%.2f bitwise_equal_to_first=%s ok=%d%n",
          where.matches("\\d+") ? "in-process parallel " + where : where, runs, count, epochs, secs, runs / secs * 60,
          runSecs / runs, secs / runs - runSecs / runs / (where.matches("\\d+") ? Integer.parseInt(where) : 2), same,
          r.results().stream().filter(x -> x.ok()).count());
    }
    SparkSweepRunner.stop();
  }
}

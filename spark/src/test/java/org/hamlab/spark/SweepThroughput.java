package org.hamlab.spark;

import static org.hamlab.dsl.Hamlab.*;

import java.util.Arrays;
import java.util.Locale;
import org.hamlab.dsl.sweep.Sweep;
import org.hamlab.dsl.sweep.SweepResult;

/**
 * Throughput of sweeps (BENCHMARKS.md "Sweeps"): a double-well sweep {@code over("lr", 3e-3,
 * 1e-2).seeds(runs / 2)} in-process (N runs at once) and on Spark masters. Not a test; run with the
 * test class path:
 * <pre>java -cp ... org.hamlab.spark.SweepThroughput (paper | COUNT EPOCHS) RUNS WHERE...</pre>
 * {@code paper} is the paper's configuration as notebook 13 runs it (paper.md §3.1, §5.1): 16384
 * trajectories, σ = 0.01, 7-point windows, MLP 16-32-16, 25 epochs, batch 512, Hamiltonian error on
 * 100 000 uniform points; {@code COUNT EPOCHS} is that data size and epochs at batch 128 on the 30×30
 * grid. WHERE is a number (in-process, that many runs at once) or a master. One warm-up sweep of
 * two runs comes first (JIT, and the data cache of this JVM; executors generate their own data).
 */
public final class SweepThroughput {
  public static void main(String[] args) {
    quiet();
    boolean paper = args.length > 0 && args[0].equals("paper");
    int at = paper ? 1 : 2;
    int count = paper ? 16384 : args.length > 0 ? Integer.parseInt(args[0]) : 1024;
    int epochs = paper ? 25 : args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int runs = args.length > at ? Integer.parseInt(args[at]) : 64;
    var base = train(system("double-well").trajectories(count).noise(0.01)).epochs(epochs).batch(paper ? 512 : 128);
    Sweep s = sweep(base).over("lr", 3e-3, 1e-2).seeds(runs / 2);
    if (paper) s = s.testSet("uniform", 100_000);
    long w0 = System.nanoTime();
    s.seeds(1).run(); // warm-up: JIT and the data cache
    System.out.printf(Locale.ROOT, "warm-up (2 runs in-process, incl. data generation): %.1f s%n", (System.nanoTime() - w0) / 1e9);
    String[] ref = null;
    String[] wheres = args.length > at + 1 ? Arrays.copyOfRange(args, at + 1, args.length) : new String[] {"1", "2"};
    for (String where : wheres) {
      boolean here = where.matches("\\d+");
      Sweep w = here ? s.parallel(Integer.parseInt(where)) : s.on(where);
      long t0 = System.nanoTime();
      SweepResult r = w.run();
      double secs = (System.nanoTime() - t0) / 1e9;
      double runSecs = r.results().stream().mapToDouble(x -> x.seconds()).sum();
      String[] hashes = r.results().stream().map(x -> x.modelSha256()).toArray(String[]::new);
      boolean same = ref == null || Arrays.equals(ref, hashes);
      if (ref == null) ref = hashes;
      int slots = here ? Integer.parseInt(where) : 2;
      System.out.printf(Locale.ROOT, "RESULT where=%s runs=%d count=%d epochs=%d batch=%d wall_s=%.1f runs_per_min=%.2f "
          + "mean_run_s=%.2f overhead_per_run_s=%.2f bitwise_equal_to_first=%s ok=%d%n",
          here ? "in-process parallel " + where : where, runs, count, epochs, paper ? 512 : 128, secs, runs / secs * 60,
          runSecs / runs, secs / runs - runSecs / runs / slots, same, r.results().stream().filter(x -> x.ok()).count());
    }
    SparkSweepRunner.stop();
  }
}

package org.hamlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.parallel.Tiles;

/**
 * Quick GFLOP/s numbers for the MLP kernels (best of repeated runs, wall time), for the 2→64→64→1
 * net and the paper's 2→16→32→16→1 net, batch 4096, float32 and float64.
 *
 * <p>FLOPs counted are the matrix products only, M = Σ_k 2·n_{k−1}·n_k per sample (hidden layers
 * plus the output dot product); activations and elementwise products are not counted. Per
 * sample: value+gradient = 2M (forward, reverse), HVP = 4M (forward, reverse, tangent, tangent
 * reverse), mixed = 6M (HVP passes plus the two rank-B weight updates, 2M).
 *
 * <p>Times are thread CPU time with one thread (-Dhamlab.threads=1), wall time with more.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -Dhamlab.threads=1|2 -cp ...
 * org.hamlab.bench.MlpKernelMain [batch] [seconds-per-case]}. The kernels' own properties apply:
 * {@code -Dhamlab.simd.layout=sample|neuron} forces the Panama layout (default: chosen per net),
 * {@code -Dhamlab.simd.sampleVectors=4|8} sets the sample-lane micro-tile (vectors of samples).
 * Batch 64 is the adjoint trainer's tile, the size of its MLP calls.
 */
public final class MlpKernelMain {
  private MlpKernelMain() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    System.out.printf(Locale.ROOT, "threads=%d batch=%d layout=%s sampleVectors=%s%n",
        Tiles.threads(), n, System.getProperty("hamlab.simd.layout", "auto"),
        System.getProperty("hamlab.simd.sampleVectors", "a tile"));
    System.out.printf(Locale.ROOT, "%-16s %-8s %-10s %10s %10s %10s%n", "net", "dtype", "op",
        "µs/call", "GFLOP/s", "B/call");
    for (int[] hidden : new int[][] {{64, 64}, {16, 32, 16}}) {
      for (Precision p : Precision.values()) {
        Mlp mlp = Mlp.create(MlpSpec.of(1).withHidden(hidden).withPrecision(p).withSeed(1));
        report(mlp, hidden, p, n, seconds);
      }
    }
  }

  private static void report(Mlp mlp, int[] hidden, Precision p, int n, double seconds) {
    int[] s = mlp.spec().sizes();
    double m = 0;
    for (int k = 1; k < s.length; k++) m += 2.0 * s[k - 1] * s[k];
    SplittableRandom r = new SplittableRandom(3);
    double[] z = new double[2 * n];
    double[] v = new double[2 * n];
    for (int i = 0; i < z.length; i++) {
      z[i] = 4 * r.nextDouble() - 2;
      v[i] = 2 * r.nextDouble() - 1;
    }
    double[] h = new double[n];
    double[] g = new double[2 * n];
    double[] hv = new double[2 * n];
    double[] grad = new double[mlp.parameterCount()];
    String net = Arrays.toString(s).replace(", ", "-");
    Runnable[] ops = {
      () -> mlp.valueAndGradient(z, n, h, g),
      () -> mlp.hessianVector(z, v, n, hv),
      () -> mlp.accumulateMixed(z, v, n, grad),
    };
    String[] names = {"value+grad", "hvp", "mixed"};
    double[] flops = {2 * m * n, 4 * m * n, 6 * m * n};
    for (int o = 0; o < ops.length; o++) {
      double best = time(ops[o], seconds);
      System.out.printf(Locale.ROOT, "%-16s %-8s %-10s %10.1f %10.1f %10d%n", net, p, names[o],
          best * 1e6, flops[o] / best * 1e-9, allocated(ops[o]));
    }
  }

  /** Bytes allocated by the calling thread per call (0 expected on one thread: no boxing). */
  private static long allocated(Runnable op) {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)) {
      return -1;
    }
    long id = Thread.currentThread().threadId();
    long a = mx.getThreadAllocatedBytes(id);
    for (int i = 0; i < 10; i++) op.run();
    return (mx.getThreadAllocatedBytes(id) - a) / 10;
  }

  /**
   * Best time per call over batches of calls lasting ~10 ms, for about {@code seconds}: thread CPU
   * time on one thread (robust against other processes on a shared machine), wall time otherwise.
   */
  private static double time(Runnable op, double seconds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    boolean cpu = Tiles.threads() == 1 && mx.isCurrentThreadCpuTimeSupported();
    for (int i = 0; i < 20; i++) op.run();
    long t0 = System.nanoTime();
    op.run();
    double once = Math.max(1e-7, (System.nanoTime() - t0) * 1e-9);
    int reps = Math.max(1, (int) (0.01 / once));
    double best = Double.MAX_VALUE;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      long a = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
      for (int i = 0; i < reps; i++) op.run();
      long b = cpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
      best = Math.min(best, (b - a) * 1e-9 / reps);
    }
    return best;
  }
}

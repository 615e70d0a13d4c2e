package org.hamlab.engine.system.formula;

import java.util.Arrays;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamlab.engine.simd.FormulaVectorCode;

/**
 * Generated scalar code until the formula's generated Vector API code has been JIT-compiled, then
 * the vector code (2–5× faster). Vector API code runs about 100× slower than scalar code until C2
 * compiles it, and every formula's code is a new class (libraries.md §3.6), so callers never run
 * it cold: once a routine has served {@value #USES_BEFORE_WARMUP} calls of at least
 * {@value #MIN_ROWS} rows (a formula in real use, not in a unit test), one background daemon
 * thread warms the vector code with {@value #WARM_CALLS} one-vector calls (the cheap warm-up of
 * libraries.md §3.6), then times it against the scalar code on a {@value #CHECK_ROWS}-row batch
 * and switches when it is faster (retrying while the JIT compiler is busy).
 *
 * <p>Only for exact programs ({@link Program#exact()}): their vector and scalar results are
 * bitwise equal, so the moment of the switch never changes a result.
 */
final class Tiered implements Routine {
  static final int MIN_ROWS = 64;
  static final int USES_BEFORE_WARMUP = 32;
  static final int WARM_CALLS = 20_000;
  static final int CHECK_ROWS = 1024;
  static final int ATTEMPTS = 50;

  /** One daemon thread, started on demand and ended after 10 s without work. */
  private static final ThreadPoolExecutor WARMER = new ThreadPoolExecutor(1, 1, 10,
      TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
        Thread t = new Thread(task, "hamlab-formula-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
      });

  static {
    WARMER.allowCoreThreadTimeOut(true);
  }

  private final FormulaVectorCode.Batch vector;
  private final Routine scalar;
  private final int dim;
  private final int outputs;
  private final AtomicInteger uses = new AtomicInteger();
  private volatile boolean hot;

  Tiered(FormulaVectorCode.Batch vector, Routine scalar, Program program) {
    this.vector = vector;
    this.scalar = scalar;
    this.dim = program.dim;
    this.outputs = program.outputs.length;
  }

  @Override
  public void run(double[] z, double[] v, int n, int from, double[] out) {
    if (hot) {
      int done = from == 0 ? vector.run(z, v, n, out) : from;
      if (done < n) scalar.run(z, v, n, done, out);
      return;
    }
    scalar.run(z, v, n, from, out);
    if (n - from >= MIN_ROWS && uses.incrementAndGet() == USES_BEFORE_WARMUP) {
      WARMER.execute(this::warmUp);
    }
  }

  /**
   * Runs on the warm-up thread: tiny calls to get the vector code compiled, then checks on a
   * {@value #CHECK_ROWS}-row batch whether it beats the scalar code; waits for a busy compiler
   * and checks again, up to {@value #ATTEMPTS} times, then gives up (the scalar code stays).
   */
  void warmUp() {
    int lanes = FormulaVectorCode.lanes();
    double[] tiny = new double[dim * lanes], tinyOut = new double[outputs * lanes];
    Arrays.fill(tiny, 0.5);
    double[] z = new double[dim * CHECK_ROWS], out = new double[outputs * CHECK_ROWS];
    for (int i = 0; i < z.length; i++) z[i] = 0.25 + 1e-3 * (i % 1000);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int calls = attempt == 0 ? WARM_CALLS : WARM_CALLS / 10;
      for (int i = 0; i < calls; i++) vector.run(tiny, tiny, lanes, tinyOut);
      if (faster(z, out)) {
        hot = true;
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Best of 10: is the vector code faster than the scalar code on {@code z}? */
  private boolean faster(double[] z, double[] out) {
    long vectorNanos = Long.MAX_VALUE, scalarNanos = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      vector.run(z, z, CHECK_ROWS, out);
      long t1 = System.nanoTime();
      scalar.run(z, z, CHECK_ROWS, 0, out);
      long t2 = System.nanoTime();
      vectorNanos = Math.min(vectorNanos, t1 - t0);
      scalarNanos = Math.min(scalarNanos, t2 - t1);
    }
    return vectorNanos < scalarNanos;
  }

  /** True once the vector code serves whole batches. */
  boolean hot() {
    return hot;
  }

  /** Switches to the vector code now; for tests. */
  void heat() {
    hot = true;
  }
}

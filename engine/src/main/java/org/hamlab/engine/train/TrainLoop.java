package org.hamlab.engine.train;

import java.util.SplittableRandom;

/** Pieces every training loop shares (the paper's trainer and the baselines'). */
public final class TrainLoop {
  private TrainLoop() {}

  /** A Fisher–Yates permutation of 0..n−1 drawn from {@code r}: the minibatch order of one epoch. */
  public static int[] shuffle(int n, SplittableRandom r) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** Why a step must not be taken (a non-finite loss or gradient entry), or null when it may. */
  public static String nonFinite(double loss, double[] values, int n) {
    if (!Double.isFinite(loss)) return "the loss is " + loss;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(values[i])) return "gradient entry " + i + " is " + values[i];
    }
    return null;
  }

  /** Seconds left after {@code done} of {@code total} units, started at {@code t0} (nanoTime); NaN before the first. */
  public static double secondsLeft(long t0, long done, long total) {
    return done == 0 ? Double.NaN : (System.nanoTime() - t0) * 1e-9 / done * (total - done);
  }
}

package org.hamlab.engine.testing;

/** Small vector helpers for gradient comparisons in tests. */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  public static double cosine(double[] a, double[] b) {
    return dot(a, b) / (norm(a) * norm(b));
  }

  /** ‖a − b‖ / ‖b‖. */
  public static double relativeError(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
    return Math.sqrt(s) / norm(b);
  }
}

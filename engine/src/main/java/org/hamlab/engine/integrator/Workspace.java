package org.hamlab.engine.integrator;

/**
 * Per-thread scratch arrays for integrator steps: never shared between threads.
 *
 * <p>Slots are numbered by the integrator that uses them; {@link #state(int)} returns a buffer of
 * one batch state ({@code dim*n}), {@link #array(int, int)} a buffer of any length. Buffers are
 * allocated on first use and reused afterwards.
 */
public final class Workspace {
  private final int dim;
  private final int n;
  private double[][] slots = new double[8][];

  public Workspace(int dim, int n) {
    if (dim <= 0 || n <= 0) {
      throw new IllegalArgumentException("workspace needs dim > 0 and n > 0, got " + dim + ", " + n);
    }
    this.dim = dim;
    this.n = n;
  }

  public int dim() {
    return dim;
  }

  /** Maximum batch rows this workspace serves. */
  public int capacity() {
    return n;
  }

  /** A buffer of length {@code dim*n} for slot {@code i}. */
  public double[] state(int i) {
    return array(i, dim * n);
  }

  /** A buffer of at least {@code length} doubles for slot {@code i}. */
  public double[] array(int i, int length) {
    if (i >= slots.length) slots = java.util.Arrays.copyOf(slots, Math.max(i + 1, 2 * slots.length));
    double[] a = slots[i];
    if (a == null || a.length < length) {
      a = new double[length];
      slots[i] = a;
    }
    return a;
  }
}

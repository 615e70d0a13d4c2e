package org.hamlab.engine.system;

/**
 * A Hamiltonian H(q, p) evaluated on a whole batch of phase-space points at once.
 *
 * <p><b>Layout (used by every batch method in the engine).</b> A batch of {@code n} states is one
 * {@code double[]} of length {@code dim()*n}, structure-of-arrays: component {@code k} of row
 * {@code b} is {@code z[k*n + b]}, with components ordered {@code q_1..q_d, p_1..p_d}
 * (paper.md §2). Outputs of the same shape use the same layout; scalar outputs have length
 * {@code n}. Arrays may be longer than needed; only the first {@code dim()*n} entries are read.
 *
 * <p>Implementations are immutable and thread-safe: callers run disjoint batches from several
 * threads at once. They never allocate per call on the hot path.
 */
public interface Hamiltonian {

  /** Registry name ({@code "double-well"}) or a short description for user-defined systems. */
  String name();

  /** Degrees of freedom d; the state has {@code 2d} components. */
  int dof();

  /** State dimension {@code 2d}. */
  default int dim() {
    return 2 * dof();
  }

  /** {@code out[b] = H(z_b)} for {@code b < n}. */
  void value(double[] z, int n, double[] out);

  /** {@code out[k*n+b] = ∂H/∂z_k (z_b)}. */
  void gradient(double[] z, int n, double[] out);

  /** {@code out = ∇²H(z_b) v_b} per row; {@code v} and {@code out} in the state layout. */
  void hessianVector(double[] z, double[] v, int n, double[] out);

  /**
   * Full Hessian per row: {@code out[(i*dim + j)*n + b] = ∂²H/∂z_i∂z_j (z_b)}, length
   * {@code dim²·n}. The default takes {@code dim} Hessian-vector products.
   */
  default void hessian(double[] z, int n, double[] out) {
    int dim = dim();
    double[] e = new double[dim * n];
    double[] col = new double[dim * n];
    for (int j = 0; j < dim; j++) {
      java.util.Arrays.fill(e, 0.0);
      java.util.Arrays.fill(e, j * n, (j + 1) * n, 1.0);
      hessianVector(z, e, n, col);
      for (int i = 0; i < dim; i++) {
        System.arraycopy(col, i * n, out, (i * dim + j) * n, n);
      }
    }
  }

  /**
   * True when H = T(p) + V(q), so that ∂H/∂q depends on q only and ∂H/∂p on p only. Methods that
   * need separability (leapfrog) refuse systems that answer false.
   */
  default boolean separable() {
    return false;
  }

  /** H at a single point given as {@code (q_1..q_d, p_1..p_d)}; a convenience, not a hot path. */
  default double valueAt(double... point) {
    checkPoint(point);
    double[] out = new double[1];
    value(point.clone(), 1, out);
    return out[0];
  }

  /** ∇H at a single point; a convenience, not a hot path. */
  default double[] gradientAt(double... point) {
    checkPoint(point);
    double[] out = new double[dim()];
    gradient(point.clone(), 1, out);
    return out;
  }

  private void checkPoint(double[] point) {
    if (point.length != dim()) {
      throw new IllegalArgumentException(
          name() + " has state dimension " + dim() + " (q_1..q_" + dof() + ", p_1..p_" + dof()
              + "), but the point has " + point.length + " components");
    }
  }
}

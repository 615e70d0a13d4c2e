package org.hamlab.engine.simd;

/**
 * Per-thread scratch of up to {@link #capacity()} batch rows that runs the MLP derivative passes
 * of paper.md §7.4 on one micro-tile. Implementations differ by precision and by scalar/Panama
 * primitives; the pass structure is the same for all. Never shared between threads.
 *
 * <p>Call order per micro-tile: {@link #load}, {@link #forward}, then any of the passes below.
 * Parameter gradients accumulate into the tile's padded partial ({@link #beginPartial} …
 * {@link #endPartial}) which the caller reduces in tile order.
 */
interface MlpTile {
  /** Rows per micro-tile of the neuron-lane tiles ({@link MlpTileF32}, {@link MlpTileF64}). */
  int ROWS = 16;

  /**
   * Rows per micro-tile (samples carried through all layers together); a divisor of
   * {@link MlpOps#TILE}.
   */
  default int capacity() {
    return ROWS;
  }

  /** Loads rows {@code [from, from+rows)} of the state-layout batch {@code z} of {@code n} rows. */
  void load(double[] z, int n, int from, int rows);

  /**
   * z_k = W_k a_{k−1} + b_k, a_k = σ(z_k), with σ' kept and, when {@code curvature}, σ'' (paper.md
   * §7.4); only {@link #tangent} needs σ'', so gradient-only passes skip it.
   */
  void forward(boolean curvature);

  /** {@code out[from+t] = H(z_t)}. */
  void value(double[] out, int from);

  /**
   * Reverse pass δ_K = c_t w ⊙ σ'_K, δ_k = (W_{k+1}ᵀ δ_{k+1}) ⊙ σ'_k, g_0 = W_1ᵀ δ_1 (item 1), with
   * per-row scale c_t = {@code scale[from+t]} or 1 when {@code scale} is null.
   */
  void backward(double[] scale, int from);

  /** Writes g_0 = ∇_z H (after {@link #backward} with unit scale) in the state layout. */
  void storeGradient(double[] out, int n, int from);

  /** Loads tangents v (state layout) for {@link #tangent}. */
  void loadTangent(double[] v, int n, int from);

  /** Sets the tangent of every row to the unit vector e_i. */
  void unitTangent(int i);

  /** Tangent pass ż, ȧ (item 2) and its reverse δ̇ (item 3); needs {@link #backward} unscaled. */
  void tangent();

  /** Writes ∇²H v (after {@link #tangent}) in the state layout. */
  void storeHessianVector(double[] out, int n, int from);

  /** Writes Hessian column {@code col}: {@code out[(i*D + col)*n + b]}. */
  void storeHessianColumn(double[] out, int n, int from, int col);

  /** Whether {@link #keepTangent} and {@link #combineTangents} are implemented. */
  default boolean combinesTangents() {
    return false;
  }

  /** Keeps what {@link #addMixed} reads of the tangent pass just run for the unit tangent e_i. */
  default void keepTangent(int i) {
    throw new UnsupportedOperationException("keepTangent");
  }

  /**
   * Sets the tangent state {@link #addMixed} reads (ȧ_k, δ̇_k) to Σ_i v_i × the kept ones of the
   * unit tangents e_i, row by row. The tangent pass is linear in v (paper.md §7.4 items 2, 3), so
   * this equals {@link #loadTangent}(v) and {@link #tangent}() to rounding, at the cost of a few
   * vector FMAs per activation instead of a pass of 2 matrix products per layer.
   */
  default void combineTangents(double[] v, int n, int from) {
    throw new UnsupportedOperationException("combineTangents");
  }

  /** Zeroes the partial parameter gradient. */
  void beginPartial();

  /** Adds Σ_t c_t ∂θ H (item 5); needs {@link #backward} with scale c. */
  void addParameterGradient(double[] scale, int from);

  /** Adds Σ_t ∂θ (v_t · ∇H) (item 4); needs {@link #backward} unscaled and {@link #tangent}. */
  void addMixed();

  /** Copies the partial, in the padded layout of {@link MlpShape}, to {@code out}. */
  void endPartial(double[] out);
}

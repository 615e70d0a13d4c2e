package org.hamlab.engine.simd;

/**
 * Layer sizes of an MLP R^D → R, the padded widths the tile kernels use, and the two parameter
 * layouts: the public flat layout θ and the internal padded layout of per-tile partial gradients.
 *
 * <p>Layers are numbered k = 1..K (hidden) and K+1 (output). {@code count[k]} is the true width
 * (count[0] = D), {@code width[k]} the width rounded up to a multiple of {@code lanes}, so every
 * row of a tile array is a whole number of vectors and the kernels need no lane tails (the
 * sample-lane tiles use {@code lanes} = 4, their register block).
 *
 * <p><b>Flat θ layout</b> (org.hamlab.engine.nn.Mlp): per hidden layer k the weight W_k row-major
 * (count[k] × count[k−1], as PyTorch nn.Linear stores it) then the bias b_k (count[k]); then the
 * output weight w (1 × count[K]); then the output bias c if {@code outputBias}.
 *
 * <p><b>Padded layout</b>: per hidden layer k, dW_kᵀ as width[k−1] rows of width[k] (transposed,
 * so the rank-t update runs vectors across output neurons like the GEMM), then db_k (width[k]);
 * then dw (width[K]); then dc (1). Padding entries are computed but never read back.
 */
final class MlpShape {
  final int[] sizes;
  final int depth;
  final boolean outputBias;
  final int[] count;
  final int[] width;
  final int[] flatW;
  final int[] flatB;
  final int flatOut;
  final int flatC;
  final int parameterCount;
  final int[] padW;
  final int[] padB;
  final int padOut;
  final int padC;
  final int paddedCount;

  MlpShape(int[] sizes, boolean outputBias, int lanes) {
    if (sizes.length < 3 || sizes[sizes.length - 1] != 1) {
      throw new IllegalArgumentException(
          "sizes must be [D, h_1, ..., h_K, 1] with K >= 1, got "
              + java.util.Arrays.toString(sizes));
    }
    for (int s : sizes) {
      if (s <= 0) {
        throw new IllegalArgumentException(
            "layer sizes must be > 0, got " + java.util.Arrays.toString(sizes));
      }
    }
    this.sizes = sizes.clone();
    this.depth = sizes.length - 2;
    this.outputBias = outputBias;
    count = new int[depth + 1];
    width = new int[depth + 1];
    for (int k = 0; k <= depth; k++) {
      count[k] = sizes[k];
      width[k] = (sizes[k] + lanes - 1) / lanes * lanes;
    }
    flatW = new int[depth + 1];
    flatB = new int[depth + 1];
    padW = new int[depth + 1];
    padB = new int[depth + 1];
    int f = 0;
    int p = 0;
    for (int k = 1; k <= depth; k++) {
      flatW[k] = f;
      f += count[k] * count[k - 1];
      flatB[k] = f;
      f += count[k];
      padW[k] = p;
      p += width[k - 1] * width[k];
      padB[k] = p;
      p += width[k];
    }
    flatOut = f;
    f += count[depth];
    flatC = outputBias ? f : -1;
    if (outputBias) f++;
    parameterCount = f;
    padOut = p;
    p += width[depth];
    padC = p;
    p++;
    paddedCount = p;
  }

  /** {@code grad[flat] += padded[padded index]} over every real parameter. */
  void addPaddedTo(double[] padded, double[] grad) {
    for (int k = 1; k <= depth; k++) {
      int in = count[k - 1];
      for (int j = 0; j < count[k]; j++) {
        int fo = flatW[k] + j * in;
        int po = padW[k] + j;
        for (int i = 0; i < in; i++) grad[fo + i] += padded[po + i * width[k]];
        grad[flatB[k] + j] += padded[padB[k] + j];
      }
    }
    for (int j = 0; j < count[depth]; j++) grad[flatOut + j] += padded[padOut + j];
    if (outputBias) grad[flatC] += padded[padC];
  }
}

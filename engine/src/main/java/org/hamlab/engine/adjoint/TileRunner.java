package org.hamlab.engine.adjoint;

import org.hamlab.engine.parallel.Tiles;

/**
 * Runs a per-tile loss (and gradient) over a batch and reduces the per-tile partial results in tile
 * order, so the result is bitwise the same on one thread or many (BRIEF: reproducibility).
 */
final class TileRunner {
  private TileRunner() {}

  /**
   * One tile: rows [from, to); adds its loss terms' sum to the return value, its gradient to grad.
   */
  @FunctionalInterface
  interface TileBody {
    double run(int from, int to, double[] grad, Buffers buffers);
  }

  /**
   * @param grad overwritten with the summed gradient; {@code null} for loss only
   * @return the summed loss
   */
  static double run(
      int rows, int tile, int parameters, double[] grad, Buffers buffers, TileBody body) {
    int tiles = Tiles.count(rows, tile);
    double[] losses = new double[tiles];
    double[][] partial = grad == null ? null : new double[tiles][];
    Tiles.forEach(
        rows,
        tile,
        (t, from, to) -> {
          double[] g = grad == null ? null : buffers.get(parameters);
          losses[t] = body.run(from, to, g, buffers);
          if (g != null) partial[t] = g;
        });
    double loss = 0;
    for (int t = 0; t < tiles; t++) loss += losses[t];
    if (grad != null) {
      java.util.Arrays.fill(grad, 0, parameters, 0.0);
      for (int t = 0; t < tiles; t++) {
        double[] g = partial[t];
        for (int i = 0; i < parameters; i++) grad[i] += g[i];
      }
    }
    return loss;
  }
}

package org.hamlab.dsl.plot;

import java.util.Arrays;

/**
 * One drawable part of a {@link Figure}: a curve, a set of arrows, or a scalar field on a grid.
 * Layers are immutable values: their arrays are copied in; treat what the accessors return
 * as read-only.
 */
public sealed interface Layer permits Layer.Curve, Layer.Arrows, Layer.Field {

  /** Legend name. */
  String name();

  /** How a curve is drawn. */
  enum Style { LINE, DASH, MARKERS }

  /** A polyline or point cloud (x[i], y[i]); NaN breaks the line. */
  record Curve(String name, double[] x, double[] y, Style style, String color) implements Layer {
    public Curve {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y must have the same length, got " + x.length + " and " + y.length);
      }
      x = x.clone();
      y = y.clone();
    }
  }

  /**
   * Arrows from (x[i], y[i]) to (x[i] + u[i], y[i] + v[i]), drawn as line segments (a quiver plot;
   * paper.md §8.3 "vector fields").
   */
  record Arrows(String name, double[] x, double[] y, double[] u, double[] v, String color) implements Layer {
    public Arrows {
      int n = x.length;
      if (y.length != n || u.length != n || v.length != n) {
        throw new IllegalArgumentException("x, y, u, v must have the same length");
      }
      x = x.clone();
      y = y.clone();
      u = u.clone();
      v = v.clone();
    }

    /** The segments as one polyline with NaN separators: x0, x1, NaN, … (3 entries per arrow). */
    double[][] polyline() {
      int n = x.length;
      double[] px = new double[3 * n], py = new double[3 * n];
      for (int i = 0; i < n; i++) {
        px[3 * i] = x[i];
        py[3 * i] = y[i];
        px[3 * i + 1] = x[i] + u[i];
        py[3 * i + 1] = y[i] + v[i];
        px[3 * i + 2] = Double.NaN;
        py[3 * i + 2] = Double.NaN;
      }
      return new double[][] {px, py};
    }
  }

  /**
   * A positive scalar field on a rectangular grid, shown on a log colour scale with contour lines
   * at {@code levels} (the band levels 1e-4 … 1 of paper.md §8.3 for Hamiltonian-error maps).
   *
   * @param z {@code z[j][i]} at {@code (x[i], y[j])}; NaN for empty cells
   */
  record Field(String name, double[] x, double[] y, double[][] z, double[] levels) implements Layer {
    public Field {
      for (double[] row : z) {
        if (row.length != x.length) {
          throw new IllegalArgumentException("each z row must have x.length = " + x.length + " values");
        }
      }
      if (z.length != y.length) {
        throw new IllegalArgumentException("z must have y.length = " + y.length + " rows, got " + z.length);
      }
      x = x.clone();
      y = y.clone();
      double[][] c = new double[z.length][];
      for (int j = 0; j < z.length; j++) c[j] = z[j].clone();
      z = c;
      levels = levels.clone();
    }

    /** log10 of z, NaN where z ≤ 0 or missing. */
    double[][] log10() {
      double[][] out = new double[z.length][];
      for (int j = 0; j < z.length; j++) {
        out[j] = Arrays.stream(z[j]).map(v -> v > 0 ? Math.log10(v) : Double.NaN).toArray();
      }
      return out;
    }
  }
}

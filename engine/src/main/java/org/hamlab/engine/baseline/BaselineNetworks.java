package org.hamlab.engine.baseline;

import java.util.List;
import java.util.SplittableRandom;
import org.hamlab.engine.nn.Activation;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.nn.Precision;
import org.hamlab.engine.random.Seeds;

/**
 * The baselines' networks (paper.md §4.3) as {@link Mlp}s in float64, with their authors'
 * initialisations; draws come from {@code Seeds.stream(seed, "init", l)} per layer l.
 */
public final class BaselineNetworks {
  private BaselineNetworks() {}

  /** NSSNN: 5 blocks Linear(·, 64) + sigmoid, then Linear(64, 1) with bias. */
  public static MlpSpec nssnnSpec(int dof, long seed) {
    return new MlpSpec(dof, List.of(64, 64, 64, 64, 64), Activation.SIGMOID, true,
        Precision.FLOAT64, seed);
  }

  /** SHNN: Linear(2d, 100) + tanh, Linear(100, 100) + tanh, Linear(100, 1) without bias. */
  public static MlpSpec shnnSpec(int dof, long seed) {
    return new MlpSpec(dof, List.of(100, 100), Activation.TANH, false, Precision.FLOAT64, seed);
  }

  /**
   * NSSNN network, weights U(±√(6/fan_in)) as the authors' init; biases PyTorch's default
   * U(±1/√fan_in) (the note does not say they are re-initialised).
   */
  public static Mlp nssnn(int dof, long seed) {
    return nssnn(nssnnSpec(dof, seed));
  }

  /** NSSNN's initialisation applied to any architecture (other widths or activation). */
  public static Mlp nssnn(MlpSpec spec) {
    long seed = spec.seed();
    int[] s = spec.sizes();
    double[] theta = new double[spec.parameterCount()];
    int o = 0;
    for (int l = 0; l + 1 < s.length; l++) {
      SplittableRandom r = Seeds.stream(seed, "init", l);
      double w = Math.sqrt(6.0 / s[l]), b = 1 / Math.sqrt(s[l]);
      for (int i = 0; i < s[l + 1] * s[l]; i++) theta[o++] = w * (2 * r.nextDouble() - 1);
      boolean bias = l + 2 < s.length || spec.outputBias();
      for (int i = 0; bias && i < s[l + 1]; i++) theta[o++] = b * (2 * r.nextDouble() - 1);
    }
    return Mlp.of(spec, theta);
  }

  /** SHNN network: orthogonal weights (gain 1, as torch.nn.init.orthogonal_), zero biases. */
  public static Mlp shnn(int dof, long seed) {
    return shnn(shnnSpec(dof, seed));
  }

  /** SHNN's initialisation applied to any architecture (biases, incl. an output bias, zero). */
  public static Mlp shnn(MlpSpec spec) {
    long seed = spec.seed();
    int[] s = spec.sizes();
    double[] theta = new double[spec.parameterCount()];
    int o = 0;
    for (int l = 0; l + 1 < s.length; l++) {
      double[] w = orthogonal(s[l + 1], s[l], Seeds.stream(seed, "init", l));
      System.arraycopy(w, 0, theta, o, w.length);
      o += w.length + (l + 2 < s.length || spec.outputBias() ? s[l + 1] : 0);
    }
    return Mlp.of(spec, theta);
  }

  /**
   * A rows × cols matrix (row-major) with orthonormal columns (rows ≥ cols) or rows: Gram–Schmidt
   * on a standard Gaussian matrix, twice for numerical orthogonality.
   */
  static double[] orthogonal(int rows, int cols, SplittableRandom r) {
    boolean tall = rows >= cols;
    int len = tall ? rows : cols, k = tall ? cols : rows; // k orthonormal vectors of length len
    double[][] v = new double[k][len];
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < len; i++) v[j][i] = Seeds.gaussian(r);
      for (int pass = 0; pass < 2; pass++) {
        for (int m = 0; m < j; m++) {
          double dot = 0;
          for (int i = 0; i < len; i++) dot += v[j][i] * v[m][i];
          for (int i = 0; i < len; i++) v[j][i] -= dot * v[m][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < len; i++) norm += v[j][i] * v[j][i];
      norm = Math.sqrt(norm);
      for (int i = 0; i < len; i++) v[j][i] /= norm;
    }
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) out[i * cols + j] = tall ? v[j][i] : v[i][j];
    }
    return out;
  }
}

package org.hamlab.engine.testing;

import java.util.SplittableRandom;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * Test-only tanh MLP H_θ: R^{2d} → R with the analytic derivatives of paper.md §7.4, computed row
 * by row in plain loops (slow, obviously correct). Layout of θ: per hidden layer l, W_l (out × in,
 * row-major) then b_l; then the output weights w (no output bias).
 */
public final class TinyMlp implements ParametricHamiltonian {
  private final int dof;
  private final int[] widths; // [2d, h1, ..., hK]
  private final int[] wOff;
  private final int[] bOff;
  private final int outOff;
  private final double[] theta;

  public TinyMlp(int dof, int[] hidden, long seed) {
    this.dof = dof;
    int k = hidden.length;
    widths = new int[k + 1];
    widths[0] = 2 * dof;
    System.arraycopy(hidden, 0, widths, 1, k);
    wOff = new int[k];
    bOff = new int[k];
    int off = 0;
    for (int l = 0; l < k; l++) {
      wOff[l] = off;
      off += widths[l + 1] * widths[l];
      bOff[l] = off;
      off += widths[l + 1];
    }
    outOff = off;
    off += widths[k];
    theta = new double[off];
    SplittableRandom r = new SplittableRandom(seed);
    for (int l = 0; l < k; l++) {
      double a = 1 / Math.sqrt(widths[l]);
      for (int i = wOff[l]; i < bOff[l] + widths[l + 1]; i++) theta[i] = r.nextDouble(-a, a);
    }
    double a = 1 / Math.sqrt(widths[k]);
    for (int i = outOff; i < theta.length; i++) theta[i] = r.nextDouble(-a, a);
  }

  @Override public String name() { return "tiny-mlp"; }

  @Override public int dof() { return dof; }

  @Override public int parameterCount() { return theta.length; }

  @Override public double[] parameters() { return theta; }

  /** Per-row forward/backward state. */
  private final class Row {
    final int layers = widths.length - 1;
    final double[][] a = new double[layers + 1][];
    final double[][] s = new double[layers + 1][];
    final double[][] delta = new double[layers + 1][];
    final double[][] zdot = new double[layers + 1][];
    final double[][] adot = new double[layers + 1][];
    final double[][] ddot = new double[layers + 1][];

    Row() {
      for (int l = 0; l <= layers; l++) {
        int w = widths[l];
        a[l] = new double[w];
        s[l] = new double[w];
        delta[l] = new double[w];
        zdot[l] = new double[w];
        adot[l] = new double[w];
        ddot[l] = new double[w];
      }
    }

    void forward(double[] z, int n, int b) {
      for (int i = 0; i < widths[0]; i++) a[0][i] = z[i * n + b];
      for (int l = 1; l <= layers; l++) {
        int in = widths[l - 1], out = widths[l], w0 = wOff[l - 1], b0 = bOff[l - 1];
        for (int o = 0; o < out; o++) {
          double acc = theta[b0 + o];
          for (int i = 0; i < in; i++) acc += theta[w0 + o * in + i] * a[l - 1][i];
          a[l][o] = Math.tanh(acc);
          s[l][o] = 1 - a[l][o] * a[l][o];
        }
      }
    }

    double value() {
      double h = 0;
      for (int i = 0; i < widths[layers]; i++) h += theta[outOff + i] * a[layers][i];
      return h;
    }

    /** δ_K = w ⊙ s_K, δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ s_l; delta[0] = ∇_x H. */
    void backward() {
      for (int i = 0; i < widths[layers]; i++) delta[layers][i] = theta[outOff + i] * s[layers][i];
      for (int l = layers - 1; l >= 0; l--) {
        int in = widths[l], out = widths[l + 1], w0 = wOff[l];
        for (int i = 0; i < in; i++) {
          double acc = 0;
          for (int o = 0; o < out; o++) acc += theta[w0 + o * in + i] * delta[l + 1][o];
          delta[l][i] = l == 0 ? acc : acc * s[l][i];
        }
      }
    }

    /** Tangent along v and δ̇; ddot[0] = ∇²H v. Needs forward and backward first. */
    void tangent(double[] v, int n, int b) {
      for (int i = 0; i < widths[0]; i++) adot[0][i] = v[i * n + b];
      for (int l = 1; l <= layers; l++) {
        int in = widths[l - 1], out = widths[l], w0 = wOff[l - 1];
        for (int o = 0; o < out; o++) {
          double acc = 0;
          for (int i = 0; i < in; i++) acc += theta[w0 + o * in + i] * adot[l - 1][i];
          zdot[l][o] = acc;
          adot[l][o] = s[l][o] * acc;
        }
      }
      for (int i = 0; i < widths[layers]; i++) {
        double sig2 = -2 * a[layers][i] * s[layers][i];
        ddot[layers][i] = theta[outOff + i] * sig2 * zdot[layers][i];
      }
      for (int l = layers - 1; l >= 0; l--) {
        int in = widths[l], out = widths[l + 1], w0 = wOff[l];
        for (int i = 0; i < in; i++) {
          double accD = 0, accDelta = 0;
          for (int o = 0; o < out; o++) {
            accD += theta[w0 + o * in + i] * ddot[l + 1][o];
            accDelta += theta[w0 + o * in + i] * delta[l + 1][o];
          }
          if (l == 0) {
            ddot[0][i] = accD;
          } else {
            double sig2 = -2 * a[l][i] * s[l][i];
            ddot[l][i] = accD * s[l][i] + accDelta * sig2 * zdot[l][i];
          }
        }
      }
    }
  }

  @Override
  public void value(double[] z, int n, double[] out) {
    Row r = new Row();
    for (int b = 0; b < n; b++) {
      r.forward(z, n, b);
      out[b] = r.value();
    }
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    Row r = new Row();
    for (int b = 0; b < n; b++) {
      r.forward(z, n, b);
      r.backward();
      for (int i = 0; i < widths[0]; i++) out[i * n + b] = r.delta[0][i];
    }
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    Row r = new Row();
    for (int b = 0; b < n; b++) {
      r.forward(z, n, b);
      r.backward();
      r.tangent(v, n, b);
      for (int i = 0; i < widths[0]; i++) out[i * n + b] = r.ddot[0][i];
    }
  }

  @Override
  public void accumulateMixed(double[] z, double[] v, int n, double[] grad) {
    Row r = new Row();
    int layers = widths.length - 1;
    for (int b = 0; b < n; b++) {
      r.forward(z, n, b);
      r.backward();
      r.tangent(v, n, b);
      // ∂W_l = δ̇_l a_{l−1}ᵀ + δ_l ȧ_{l−1}ᵀ, ∂b_l = δ̇_l, ∂w = ȧ_K (paper.md §7.4 item 4)
      for (int l = 1; l <= layers; l++) {
        int in = widths[l - 1], out = widths[l], w0 = wOff[l - 1], b0 = bOff[l - 1];
        for (int o = 0; o < out; o++) {
          double dd = r.ddot[l][o], de = r.delta[l][o];
          for (int i = 0; i < in; i++) grad[w0 + o * in + i] += dd * r.a[l - 1][i] + de * r.adot[l - 1][i];
          grad[b0 + o] += dd;
        }
      }
      for (int i = 0; i < widths[layers]; i++) grad[outOff + i] += r.adot[layers][i];
    }
  }

  @Override
  public void accumulateParameterGradient(double[] z, double[] w, int n, double[] grad) {
    Row r = new Row();
    int layers = widths.length - 1;
    for (int b = 0; b < n; b++) {
      r.forward(z, n, b);
      r.backward();
      double wb = w[b];
      for (int l = 1; l <= layers; l++) {
        int in = widths[l - 1], out = widths[l], w0 = wOff[l - 1], b0 = bOff[l - 1];
        for (int o = 0; o < out; o++) {
          double de = wb * r.delta[l][o];
          for (int i = 0; i < in; i++) grad[w0 + o * in + i] += de * r.a[l - 1][i];
          grad[b0 + o] += de;
        }
      }
      for (int i = 0; i < widths[layers]; i++) grad[outOff + i] += wb * r.a[layers][i];
    }
  }
}

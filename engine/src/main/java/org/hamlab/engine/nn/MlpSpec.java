package org.hamlab.engine.nn;

import java.util.List;
import java.util.Objects;

/**
 * Architecture and initialisation of an MLP Hamiltonian H_θ: R^{2d} → R (paper.md §4.1): hidden
 * layers Linear + σ, then a Linear to one output, without bias by default (H is defined up to a
 * constant). Defaults are the paper's: hidden 16, 32, 16, tanh, no output bias, FLOAT64.
 *
 * <p>Initialisation follows PyTorch's nn.Linear: every weight and bias of layer l is drawn from
 * U(−1/√fan_in, 1/√fan_in) with the stream {@code Seeds.stream(seed, "init", l)}, l = 0 for the
 * first layer, drawing the weight row-major then the bias.
 *
 * @param dof degrees of freedom d (input dimension 2d)
 * @param hidden hidden widths h_1..h_K, K ≥ 1
 * @param activation hidden activation
 * @param outputBias whether the output layer has a bias
 * @param precision arithmetic inside the kernels
 * @param seed initialisation seed
 */
public record MlpSpec(
    int dof, List<Integer> hidden, Activation activation, boolean outputBias, Precision precision,
    long seed) {

  public MlpSpec {
    if (dof <= 0) throw new IllegalArgumentException("dof must be >= 1, got " + dof);
    Objects.requireNonNull(hidden, "hidden");
    hidden = List.copyOf(hidden);
    if (hidden.isEmpty()) {
      throw new IllegalArgumentException(
          "need at least one hidden layer, e.g. withHidden(16, 32, 16)");
    }
    for (int h : hidden) {
      if (h <= 0) throw new IllegalArgumentException("hidden widths must be >= 1, got " + hidden);
    }
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(precision, "precision");
  }

  /** The paper's network for {@code dof} degrees of freedom: 2d→16→32→16→1 tanh, seed 0. */
  public static MlpSpec of(int dof) {
    return new MlpSpec(dof, List.of(16, 32, 16), Activation.TANH, false, Precision.FLOAT64, 0L);
  }

  public MlpSpec withHidden(int... widths) {
    return new MlpSpec(dof, java.util.Arrays.stream(widths).boxed().toList(), activation,
        outputBias, precision, seed);
  }

  public MlpSpec withActivation(Activation a) {
    return new MlpSpec(dof, hidden, a, outputBias, precision, seed);
  }

  public MlpSpec withOutputBias(boolean b) {
    return new MlpSpec(dof, hidden, activation, b, precision, seed);
  }

  public MlpSpec withPrecision(Precision p) {
    return new MlpSpec(dof, hidden, activation, outputBias, p, seed);
  }

  public MlpSpec withSeed(long s) {
    return new MlpSpec(dof, hidden, activation, outputBias, precision, s);
  }

  /** Layer sizes {@code [2d, h_1, ..., h_K, 1]}. */
  public int[] sizes() {
    int[] s = new int[hidden.size() + 2];
    s[0] = 2 * dof;
    for (int k = 0; k < hidden.size(); k++) s[k + 1] = hidden.get(k);
    s[s.length - 1] = 1;
    return s;
  }

  /** |θ|: Σ_k h_k(h_{k−1}+1) + h_K (+1 with output bias); 1136 for the paper's d = 1 net. */
  public int parameterCount() {
    int[] s = sizes();
    int c = 0;
    for (int k = 1; k < s.length - 1; k++) c += s[k] * (s[k - 1] + 1);
    return c + s[s.length - 2] + (outputBias ? 1 : 0);
  }
}

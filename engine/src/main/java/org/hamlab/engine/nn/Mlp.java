package org.hamlab.engine.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.simd.HessianTangents;
import org.hamlab.engine.simd.MlpKernels;
import org.hamlab.engine.simd.MlpOps;

/**
 * The MLP Hamiltonian H_θ(z) = wᵀa_K (+ c), a_k = σ(W_k a_{k−1} + b_k), a_0 = z = (q, p)
 * (paper.md §4.1), with analytic batched derivatives (paper.md §7.4) from the Vector API kernels
 * of {@code org.hamlab.engine.simd} (scalar twins when the module is missing).
 *
 * <p><b>Parameter layout</b> ({@link #parameters()}, length {@link #parameterCount()}): for each
 * hidden layer l = 0..K−1, the weight W_l row-major (out × in, as PyTorch nn.Linear stores it)
 * followed by its bias b_l (out); then the output weight w (1 × h_K, row-major); then the output
 * bias c only if {@link MlpSpec#outputBias()}. {@link #weightOffset(int)} and
 * {@link #biasOffset(int)} give the offsets. For the paper's 2→16→32→16→1 net: W_0 at 0 (16×2),
 * b_0 at 32, W_1 at 48 (32×16), b_1 at 560, W_2 at 592 (16×32), b_2 at 1104, w at 1120; 1136
 * parameters.
 *
 * <p>Batch methods use the state layout of {@code Hamiltonian} and run on both cores with fixed
 * tiles: the accumulated gradients are bitwise the same for any thread count. Evaluation is
 * thread-safe; {@link #parametersChanged()} must be called, outside concurrent evaluation, after
 * {@link #parameters()} was modified.
 *
 * <p><b>Fused operations</b> (see {@link ParametricHamiltonian}): {@link #hessianVectorAndMixed},
 * {@link #hessianThenMixed}, {@link #gradientAndHessian}, {@link #valueAndGradient} share the
 * forward and reverse passes.
 */
public final class Mlp implements ParametricHamiltonian {
  private final MlpSpec spec;
  private final double[] theta;
  private final MlpOps ops;

  private Mlp(MlpSpec spec, double[] theta, boolean panama) {
    this.spec = spec;
    this.theta = theta;
    this.ops = new MlpOps(spec.sizes(), spec.outputBias(), spec.activation().function(),
        spec.precision() == Precision.FLOAT32, panama);
    ops.load(theta);
  }

  /** A network initialised as described in {@link MlpSpec} (PyTorch nn.Linear defaults). */
  public static Mlp create(MlpSpec spec) {
    return new Mlp(spec, initialParameters(spec), MlpKernels.available());
  }

  /**
   * A network with the given parameters (copied), in the layout described in the class javadoc.
   *
   * @throws IllegalArgumentException if the length is wrong or a parameter is not finite
   */
  public static Mlp of(MlpSpec spec, double[] parameters) {
    Objects.requireNonNull(spec, "spec");
    if (parameters.length != spec.parameterCount()) {
      throw new IllegalArgumentException("the network " + describe(spec) + " has "
          + spec.parameterCount() + " parameters, got " + parameters.length);
    }
    for (int i = 0; i < parameters.length; i++) {
      if (!Double.isFinite(parameters[i])) {
        throw new IllegalArgumentException("parameter " + i + " is " + parameters[i]);
      }
    }
    return new Mlp(spec, parameters.clone(), MlpKernels.available());
  }

  /** The same network on the scalar kernels (reference for tests and benchmarks). */
  public Mlp scalar() {
    return new Mlp(spec, theta.clone(), false);
  }

  /** An independent copy (own parameters). */
  public Mlp copy() {
    return new Mlp(spec, theta.clone(), ops.panama());
  }

  /** The same weights in another precision. */
  public Mlp withPrecision(Precision p) {
    return new Mlp(spec.withPrecision(p), theta.clone(), ops.panama());
  }

  /** Initial θ as in the class javadoc; layer l draws from {@code Seeds.stream(seed,"init",l)}. */
  static double[] initialParameters(MlpSpec spec) {
    int[] s = spec.sizes();
    double[] theta = new double[spec.parameterCount()];
    int o = 0;
    for (int l = 0; l + 1 < s.length; l++) {
      SplittableRandom r = Seeds.stream(spec.seed(), "init", l);
      double bound = 1.0 / Math.sqrt(s[l]);
      boolean bias = l + 2 < s.length || spec.outputBias();
      int count = s[l + 1] * s[l] + (bias ? s[l + 1] : 0);
      for (int i = 0; i < count; i++) theta[o++] = bound * (2 * r.nextDouble() - 1);
    }
    return theta;
  }

  private static String describe(MlpSpec spec) {
    StringBuilder b = new StringBuilder("mlp ");
    int[] s = spec.sizes();
    for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : "-").append(s[i]);
    return b.append(' ').append(spec.activation().id()).toString();
  }

  public MlpSpec spec() {
    return spec;
  }

  /** Whether the Vector API kernels are in use. */
  public boolean panama() {
    return ops.panama();
  }

  /** Offset in θ of the weight of layer {@code l} (0..K; K is the output layer). */
  public int weightOffset(int l) {
    int[] s = spec.sizes();
    checkLayer(l, s);
    int o = 0;
    for (int k = 0; k < l; k++) o += s[k + 1] * (s[k] + 1);
    return o;
  }

  /** Offset in θ of the bias of layer {@code l}, or −1 for the output layer without bias. */
  public int biasOffset(int l) {
    int[] s = spec.sizes();
    checkLayer(l, s);
    if (l == s.length - 2 && !spec.outputBias()) return -1;
    return weightOffset(l) + s[l + 1] * s[l];
  }

  private static void checkLayer(int l, int[] s) {
    if (l < 0 || l > s.length - 2) {
      throw new IndexOutOfBoundsException("layer " + l + " of " + (s.length - 1) + " layers");
    }
  }

  @Override
  public String name() {
    return describe(spec);
  }

  @Override
  public int dof() {
    return spec.dof();
  }

  @Override
  public int parameterCount() {
    return theta.length;
  }

  @Override
  public double[] parameters() {
    return theta;
  }

  @Override
  public void parametersChanged() {
    ops.load(theta);
  }

  @Override
  public void value(double[] z, int n, double[] out) {
    ops.value(z, n, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    ops.gradient(z, n, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    ops.hessianVector(z, v, n, out);
  }

  @Override
  public void hessian(double[] z, int n, double[] out) {
    ops.hessian(z, n, out);
  }

  @Override
  public void accumulateMixed(double[] z, double[] v, int n, double[] grad) {
    ops.accumulateMixed(z, v, n, grad);
  }

  @Override
  public void accumulateParameterGradient(double[] z, double[] w, int n, double[] grad) {
    ops.accumulateParameterGradient(z, w, n, grad);
  }

  @Override
  public void hessianVectorAndMixed(double[] z, double[] v, int n, double[] out, double[] grad) {
    ops.hessianVectorAndMixed(z, v, n, out, grad);
  }

  @Override
  public void hessianThenMixed(
      double[] z, int n, double[] hessianOut, HessianTangents tangents, double[] v, double[] grad) {
    ops.hessianThenMixed(z, n, hessianOut, tangents, v, grad);
  }

  @Override
  public void gradientAndHessian(double[] z, int n, double[] gradientOut, double[] hessianOut) {
    ops.gradientAndHessian(z, n, gradientOut, hessianOut);
  }

  @Override
  public void valueAndGradient(double[] z, int n, double[] valueOut, double[] gradientOut) {
    ops.valueAndGradient(z, n, valueOut, gradientOut);
  }

  @Override
  public String toString() {
    return name() + " (" + theta.length + " parameters, " + spec.precision() + ", "
        + (ops.panama() ? "panama" : "scalar") + ", θ[0..3]="
        + Arrays.toString(Arrays.copyOf(theta, Math.min(3, theta.length))) + ")";
  }
}

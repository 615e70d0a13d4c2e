package org.hamlab.engine.nn;

import java.util.Locale;
import org.hamlab.engine.simd.MlpFunction;

/**
 * Hidden-layer activation σ of {@link Mlp}, with its first three derivatives. Derivatives take
 * both the pre-activation x and the stored activation a = σ(x) and use a wherever the derivative
 * is a function of a (paper.md §7.4: s = 1 − a², σ'' = −2as for tanh), as the kernels do.
 */
public enum Activation {
  /** tanh (paper.md §4.1, the default): σ' = 1−a², σ'' = −2aσ', σ''' = −2σ'(1−3a²). */
  TANH(MlpFunction.TANH) {
    @Override public double value(double x) { return Math.tanh(x); }
    @Override public double first(double x, double a) { return 1 - a * a; }
    @Override public double second(double x, double a) { return -2 * a * (1 - a * a); }
    @Override public double third(double x, double a) { return -2 * (1 - a * a) * (1 - 3 * a * a); }
  },
  /** Logistic sigmoid: σ' = a(1−a), σ'' = σ'(1−2a), σ''' = σ'(1−6a+6a²). */
  SIGMOID(MlpFunction.SIGMOID) {
    @Override public double value(double x) { return 1 / (1 + Math.exp(-x)); }
    @Override public double first(double x, double a) { return a * (1 - a); }
    @Override public double second(double x, double a) { return a * (1 - a) * (1 - 2 * a); }
    @Override public double third(double x, double a) {
      return a * (1 - a) * (1 - 6 * a + 6 * a * a);
    }
  },
  /** log(1+eˣ): σ' = 1−e^{−a} (the sigmoid of x), σ'' = σ'(1−σ'), σ''' = σ''(1−2σ'). */
  SOFTPLUS(MlpFunction.SOFTPLUS) {
    @Override public double value(double x) {
      return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
    @Override public double first(double x, double a) { return -Math.expm1(-a); }
    @Override public double second(double x, double a) {
      double s = -Math.expm1(-a);
      return s * (1 - s);
    }
    @Override public double third(double x, double a) {
      double s = -Math.expm1(-a);
      return s * (1 - s) * (1 - 2 * s);
    }
  },
  /** sin: σ' = cos x (not a function of a), σ'' = −a, σ''' = −cos x. */
  SIN(MlpFunction.SIN) {
    @Override public double value(double x) { return Math.sin(x); }
    @Override public double first(double x, double a) { return Math.cos(x); }
    @Override public double second(double x, double a) { return -a; }
    @Override public double third(double x, double a) { return -Math.cos(x); }
  };

  private final MlpFunction function;

  Activation(MlpFunction function) {
    this.function = function;
  }

  /** σ(x). */
  public abstract double value(double x);

  /** σ'(x), given a = σ(x). */
  public abstract double first(double x, double a);

  /** σ''(x), given a = σ(x). */
  public abstract double second(double x, double a);

  /** σ'''(x), given a = σ(x). */
  public abstract double third(double x, double a);

  /** Lower-case name used in model files: {@code "tanh"}, {@code "sigmoid"}, … */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kernel's view of this activation. */
  public MlpFunction function() {
    return function;
  }

  /** The activation named {@code id} (case-insensitive), or an error listing the known ones. */
  public static Activation byId(String id) {
    for (Activation a : values()) {
      if (a.id().equalsIgnoreCase(id)) return a;
    }
    throw new IllegalArgumentException("unknown activation '" + id + "'; known: tanh, sigmoid,"
        + " softplus, sin");
  }
}

package org.hamlab.engine.train;

/**
 * Adam (Kingma &amp; Ba 2015), as PyTorch's {@code torch.optim.Adam} without weight decay: m ← β₁m
 * + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). The
 * first step therefore moves every coordinate by lr·g/(|g| + ε) ≈ lr. (Written here because
 * tribuo-math 4.3.2's Adam is wrong.)
 *
 * @param beta1 first-moment decay (paper: 0.9)
 * @param beta2 second-moment decay (paper: 0.999)
 * @param eps denominator guard (paper: 1e-8)
 */
public record Adam(double beta1, double beta2, double eps) implements Optimizer {

  public Adam {
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(eps > 0)) throw new IllegalArgumentException("Adam eps must be > 0, got " + eps);
  }

  /** β = (0.9, 0.999), ε = 1e-8 (paper.md §5.1). */
  public static Adam defaults() {
    return new Adam(0.9, 0.999, 1e-8);
  }

  @Override
  public String name() {
    return "adam";
  }

  @Override
  public State start(int parameters) {
    double[] m = new double[parameters], v = new double[parameters];
    return new State() {
      private int t;
      private double pow1 = 1, pow2 = 1;

      @Override
      public void apply(double[] theta, double[] grad, double lr) {
        t++;
        pow1 *= beta1;
        pow2 *= beta2;
        double c1 = 1 - pow1, c2 = 1 - pow2;
        for (int i = 0; i < parameters; i++) {
          double g = grad[i];
          m[i] = beta1 * m[i] + (1 - beta1) * g;
          v[i] = beta2 * v[i] + (1 - beta2) * g * g;
          theta[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
        }
      }
    };
  }
}

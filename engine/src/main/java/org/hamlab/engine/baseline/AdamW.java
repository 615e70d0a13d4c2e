package org.hamlab.engine.baseline;

import org.hamlab.engine.train.Optimizer;

/**
 * Adam with decoupled weight decay and optional AMSGrad, as PyTorch's {@code torch.optim.AdamW}:
 * θ ← θ(1 − lr·λ), m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², v̂max ← max(v̂max, v) (AMSGrad),
 * θ ← θ − lr·(m/(1−β₁ᵗ))/(√(v/(1−β₂ᵗ)) + ε). With λ = 0 and no AMSGrad this is exactly Adam
 * ({@link org.hamlab.engine.train.Adam}).
 *
 * @param beta1 first-moment decay
 * @param beta2 second-moment decay
 * @param eps denominator guard
 * @param weightDecay decoupled decay λ ≥ 0
 * @param amsgrad keep the running maximum of the second moment
 */
public record AdamW(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {

  public AdamW {
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("betas must be in [0, 1), got " + beta1 + ", " + beta2);
    }
    if (!(eps > 0)) throw new IllegalArgumentException("eps must be > 0, got " + eps);
    if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
      throw new IllegalArgumentException("weight decay must be finite and ≥ 0, got " + weightDecay);
    }
  }

  /** Plain Adam (0.9, 0.999, 1e-8), as NSSNN (paper.md §4.3). */
  public static AdamW adam() {
    return new AdamW(0.9, 0.999, 1e-8, 0, false);
  }

  /** SHNN's optimiser: AdamW weight decay 0.01 with AMSGrad (paper.md §4.3). */
  public static AdamW shnn() {
    return new AdamW(0.9, 0.999, 1e-8, 0.01, true);
  }

  /** "adam", or "adamw(0.01, amsgrad)". */
  public String name() {
    if (weightDecay == 0 && !amsgrad) return "adam";
    return "adamw(" + weightDecay + (amsgrad ? ", amsgrad)" : ")");
  }

  /** Fresh moments for {@code parameters} parameters. */
  public Optimizer.State start(int parameters) {
    double[] m = new double[parameters], v = new double[parameters];
    double[] vmax = amsgrad ? new double[parameters] : null;
    return new Optimizer.State() {
      private double pow1 = 1, pow2 = 1;

      @Override
      public void apply(double[] theta, double[] grad, double lr) {
        pow1 *= beta1;
        pow2 *= beta2;
        double c1 = 1 - pow1, c2 = 1 - pow2, decay = 1 - lr * weightDecay;
        for (int i = 0; i < parameters; i++) {
          double g = grad[i];
          theta[i] *= decay;
          m[i] = beta1 * m[i] + (1 - beta1) * g;
          v[i] = beta2 * v[i] + (1 - beta2) * g * g;
          double second = v[i];
          if (vmax != null) second = vmax[i] = Math.max(vmax[i], v[i]);
          theta[i] -= lr * (m[i] / c1) / (Math.sqrt(second / c2) + eps);
        }
      }
    };
  }
}

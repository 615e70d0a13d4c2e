package org.hamlab.engine.train;

/**
 * Stochastic gradient descent with optional heavy-ball momentum, as {@code torch.optim.SGD}: b ← μb
 * + g (b = g at the first step), θ ← θ − lr·b.
 *
 * @param momentum μ in [0, 1); 0 = plain SGD
 */
public record Sgd(double momentum) implements Optimizer {

  public Sgd {
    if (!(momentum >= 0 && momentum < 1))
      throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
  }

  public static Sgd plain() {
    return new Sgd(0);
  }

  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public State start(int parameters) {
    double[] buf = momentum > 0 ? new double[parameters] : null;
    return new State() {
      private boolean first = true;

      @Override
      public void apply(double[] theta, double[] grad, double lr) {
        for (int i = 0; i < parameters; i++) {
          double g = grad[i];
          if (buf != null) {
            buf[i] = first ? g : momentum * buf[i] + g;
            g = buf[i];
          }
          theta[i] -= lr * g;
        }
        first = false;
      }
    };
  }
}

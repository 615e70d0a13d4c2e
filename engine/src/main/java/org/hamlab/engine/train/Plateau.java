package org.hamlab.engine.train;

/**
 * ReduceLROnPlateau settings (PyTorch semantics, mode "min", relative threshold): an epoch improves
 * when loss &lt; best·(1 − threshold); after more than {@code patience} epochs without improvement
 * the learning rate is multiplied by {@code factor} (not below {@code minLearningRate}) and the
 * count restarts. Stepped once per epoch with the monitored loss (validation if given, else train).
 * The authors stepped it twice per epoch with two differently scaled losses (paper.md §11 item 8);
 * that quirk is not reproduced.
 *
 * @param enabled false turns the schedule off
 */
public record Plateau(
    boolean enabled, double factor, int patience, double threshold, double minLearningRate) {

  public Plateau {
    if (!(factor > 0 && factor < 1))
      throw new IllegalArgumentException("plateau factor must be in (0, 1), got " + factor);
    if (patience < 0)
      throw new IllegalArgumentException("plateau patience must be ≥ 0, got " + patience);
    if (!(threshold >= 0))
      throw new IllegalArgumentException("plateau threshold must be ≥ 0, got " + threshold);
    if (!(minLearningRate >= 0))
      throw new IllegalArgumentException(
          "minimum learning rate must be ≥ 0, got " + minLearningRate);
  }

  /** The paper's schedule: factor 0.1, patience 10, threshold 1e-4 relative (paper.md §5.1). */
  public static Plateau paper() {
    return new Plateau(true, 0.1, 10, 1e-4, 0);
  }

  /** Constant learning rate. */
  public static Plateau off() {
    return new Plateau(false, 0.1, 10, 1e-4, 0);
  }

  public Plateau withFactor(double f) {
    return new Plateau(enabled, f, patience, threshold, minLearningRate);
  }

  public Plateau withPatience(int p) {
    return new Plateau(enabled, factor, p, threshold, minLearningRate);
  }

  public Plateau withThreshold(double t) {
    return new Plateau(enabled, factor, patience, t, minLearningRate);
  }

  /** The mutable schedule of one run. */
  static final class Schedule {
    private final Plateau spec;
    private double best = Double.POSITIVE_INFINITY;
    private int bad;

    Schedule(Plateau spec) {
      this.spec = spec;
    }

    /** The learning rate for the next epoch after an epoch with {@code loss}. */
    double step(double loss, double lr) {
      if (!spec.enabled) return lr;
      if (loss < best * (1 - spec.threshold)) {
        best = loss;
        bad = 0;
        return lr;
      }
      if (++bad > spec.patience) {
        bad = 0;
        return Math.max(lr * spec.factor, spec.minLearningRate);
      }
      return lr;
    }
  }
}

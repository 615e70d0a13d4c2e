package org.hamlab.engine.baseline;

import java.util.Objects;

/**
 * How a baseline is trained on pairs (paper.md §4.3): the loss, the optimiser and a StepLR schedule
 * (lr ← lr·γ every {@code stepSize} epochs; γ = 1 turns it off). The best parameters by validation
 * loss (train loss without validation) are kept, as both authors do.
 *
 * @param loss pair loss
 * @param epochs passes over the training pairs (≥ 1)
 * @param batchSize pairs per step (≥ 1); ≥ the pair count means full batch
 * @param learningRate initial learning rate
 * @param optimizer Adam / AdamW
 * @param stepSize StepLR period in epochs (≥ 1)
 * @param gamma StepLR factor in (0, 1]
 * @param seed fixes the minibatch order ({@code Seeds.stream(seed, "minibatch", epoch)})
 */
public record BaselineSpec(PairLoss loss, int epochs, int batchSize, double learningRate,
    AdamW optimizer, int stepSize, double gamma, long seed) {

  public BaselineSpec {
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(optimizer, "optimizer");
    if (epochs < 1) throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
    }
    if (stepSize < 1) throw new IllegalArgumentException("StepLR step must be ≥ 1, got " + stepSize);
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("StepLR gamma must be in (0, 1], got " + gamma);
    }
  }

  /**
   * NSSNN (Xiong et al.; paper.md §4.3): Tao L1 loss with ω = 20, Adam lr 0.05, StepLR(10, 0.8),
   * batch 512. The authors run 1001 epochs; the default here is 300: by then the learning rate has
   * decayed to 0.05·0.8³⁰ ≈ 6e-5 and the remaining 700 epochs change little.
   */
  public static BaselineSpec nssnn() {
    return new BaselineSpec(new TaoPredictionLoss(20), 300, 512, 0.05, AdamW.adam(), 10, 0.8, 0);
  }

  /**
   * SHNN (David &amp; Méhats; paper.md §4.3): midpoint-residual loss, AdamW(lr 1e-3, weight decay
   * 0.01, AMSGrad), full batch, 2000 steps, constant learning rate.
   */
  public static BaselineSpec shnn() {
    return new BaselineSpec(new MidpointResidualLoss(), 2000, Integer.MAX_VALUE, 1e-3,
        AdamW.shnn(), 1, 1.0, 0);
  }

  public BaselineSpec withEpochs(int v) {
    return new BaselineSpec(loss, v, batchSize, learningRate, optimizer, stepSize, gamma, seed);
  }

  public BaselineSpec withBatchSize(int v) {
    return new BaselineSpec(loss, epochs, v, learningRate, optimizer, stepSize, gamma, seed);
  }

  public BaselineSpec withLearningRate(double v) {
    return new BaselineSpec(loss, epochs, batchSize, v, optimizer, stepSize, gamma, seed);
  }

  public BaselineSpec withOptimizer(AdamW v) {
    return new BaselineSpec(loss, epochs, batchSize, learningRate, v, stepSize, gamma, seed);
  }

  public BaselineSpec withStepLr(int step, double g) {
    return new BaselineSpec(loss, epochs, batchSize, learningRate, optimizer, step, g, seed);
  }

  public BaselineSpec withSeed(long v) {
    return new BaselineSpec(loss, epochs, batchSize, learningRate, optimizer, stepSize, gamma, v);
  }

  public BaselineSpec withLoss(PairLoss v) {
    return new BaselineSpec(v, epochs, batchSize, learningRate, optimizer, stepSize, gamma, seed);
  }
}

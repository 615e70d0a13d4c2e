package org.hamlab.engine.baseline;

import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * A loss on one-step pairs (y₀, y₁) and its parameter gradient, as the baselines train (paper.md
 * §4.3): {@link TaoPredictionLoss} (NSSNN) and {@link MidpointResidualLoss} (SHNN).
 *
 * <p>Pairs are {@link Trajectories} of {@code points() == 2}: row b holds y₀ at point 0 and y₁ at
 * point 1, h = {@code dt()}, trajectory layout {@code [(s*dim + k)*count + b]}. Implementations
 * are immutable and thread-safe; the model's batch kernels parallelise over rows with fixed tiles,
 * so gradients are bitwise independent of the thread count.
 */
public interface PairLoss {

  /** Short name, e.g. {@code "tao-l1"}. */
  String name();

  /** L over all pairs. */
  double loss(ParametricHamiltonian model, Trajectories pairs);

  /**
   * L and dL/dθ.
   *
   * @param grad overwritten with dL/dθ, length ≥ {@code model.parameterCount()}
   */
  double lossAndGradient(ParametricHamiltonian model, Trajectories pairs, double[] grad);

  /** Checks that {@code pairs} are one-step pairs of the model's dimension. */
  static void check(ParametricHamiltonian model, Trajectories pairs, double[] grad) {
    if (pairs.points() != 2) {
      throw new IllegalArgumentException("a pair loss needs one-step pairs (2 points per row), got "
          + pairs.points() + " points; use Pairs.fromWindows(data, window)");
    }
    if (pairs.dof() != model.dof()) {
      throw new IllegalArgumentException("the model has " + model.dof()
          + " degree(s) of freedom but the pairs have " + pairs.dof());
    }
    if (grad != null && grad.length < model.parameterCount()) {
      throw new IllegalArgumentException("gradient array has " + grad.length
          + " entries, the model has " + model.parameterCount() + " parameters");
    }
  }
}

package org.hamlab.engine.testing;

import java.util.function.ToDoubleFunction;
import org.hamlab.engine.nn.ParametricHamiltonian;

/** Central finite differences of a loss in parameter space, with one Richardson extrapolation. */
public final class FiniteDifference {
  private FiniteDifference() {}

  /**
   * d/dε loss(θ + ε·dir) at ε = 0: (4 D(e/2) − D(e)) / 3 with D the central difference, error O(e⁴)
   * plus round-off O(ulp(L)/e). Restores θ.
   */
  public static double directional(
      ParametricHamiltonian model,
      double[] dir,
      double e,
      ToDoubleFunction<ParametricHamiltonian> loss) {
    double d1 = central(model, dir, e, loss), d2 = central(model, dir, e / 2, loss);
    return (4 * d2 - d1) / 3;
  }

  private static double central(
      ParametricHamiltonian model,
      double[] dir,
      double e,
      ToDoubleFunction<ParametricHamiltonian> loss) {
    double[] theta = model.parameters();
    double[] saved = theta.clone();
    try {
      for (int i = 0; i < theta.length; i++) theta[i] = saved[i] + e * dir[i];
      model.parametersChanged();
      double plus = loss.applyAsDouble(model);
      for (int i = 0; i < theta.length; i++) theta[i] = saved[i] - e * dir[i];
      model.parametersChanged();
      double minus = loss.applyAsDouble(model);
      return (plus - minus) / (2 * e);
    } finally {
      System.arraycopy(saved, 0, theta, 0, theta.length);
      model.parametersChanged();
    }
  }
}

package org.hamlab.engine.testing;

import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpSpec;

/** Random tanh networks for gradient and training tests (float64, PyTorch-default init). */
public final class Nets {
  private Nets() {}

  public static Mlp mlp(int dof, long seed, int... hidden) {
    return Mlp.create(MlpSpec.of(dof).withHidden(hidden).withSeed(seed));
  }
}

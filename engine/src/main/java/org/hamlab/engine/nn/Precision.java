package org.hamlab.engine.nn;

/**
 * Arithmetic inside the MLP kernels. The engine's arrays are always double; FLOAT32 converts θ
 * once per {@link Mlp#parametersChanged()} and the states per micro-tile (see
 * {@code org.hamlab.engine.simd.MlpOps}).
 */
public enum Precision {
  /** Everything in double (recommended, paper.md §13). */
  FLOAT64,
  /** Weights, activations and derivatives in float inside the kernels; interface stays double. */
  FLOAT32
}

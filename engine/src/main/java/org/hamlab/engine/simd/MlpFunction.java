package org.hamlab.engine.simd;

/**
 * Hidden-layer activation σ as the MLP ops know it. Each kernel computes, per unit, the activation
 * a = σ(z) together with σ'(z) and σ''(z) (paper.md §7.4: s = σ', σ'' for the Hessian terms).
 * {@code org.hamlab.engine.nn.Activation} is the user-facing enum that maps onto this one.
 */
public enum MlpFunction {
  /** a = tanh z, σ' = 1 − a², σ'' = −2aσ'. */
  TANH,
  /** a = 1/(1+e^{−z}), σ' = a(1−a), σ'' = σ'(1−2a). */
  SIGMOID,
  /** a = log(1+e^z), σ' = 1/(1+e^{−z}), σ'' = σ'(1−σ'). */
  SOFTPLUS,
  /** a = sin z, σ' = cos z, σ'' = −a. */
  SIN
}

/**
 * Gradients of a window rollout loss with respect to the parameters θ of H_θ (paper.md §7).
 *
 * <p>{@link org.hamlab.engine.adjoint.GradientMethod} is the closed set of methods: {@link
 * org.hamlab.engine.adjoint.DiscreteAdjoint} (exact discrete adjoint of implicit midpoint, §7.3;
 * the default, memory flat in L), {@link org.hamlab.engine.adjoint.Backprop} (BPTT through the
 * fixed-sweep solver; the reference and memory contrast) and {@link
 * org.hamlab.engine.adjoint.AuthorsGradient} (the released code's gradient, §7.2; for comparison
 * only). {@link org.hamlab.engine.adjoint.GradientMethods} looks them up by name. Options are
 * records: {@link org.hamlab.engine.adjoint.WindowLoss} (scaling and start state), {@link
 * org.hamlab.engine.adjoint.MidpointSolve} (forward solve), {@link
 * org.hamlab.engine.adjoint.AdjointSolve} (adjoint linear system) and {@link
 * org.hamlab.engine.adjoint.Checkpoints} (which states are kept). {@link
 * org.hamlab.engine.adjoint.MemoryUse} reports analytical and measured memory (§10).
 */
package org.hamlab.engine.adjoint;

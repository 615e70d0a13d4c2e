/**
 * The Table 1 baselines trained in the engine (paper.md §4.3): NSSNN (Xiong et al. 2021; one step
 * of Tao's extended-phase-space integrator, {@link org.hamlab.engine.baseline.TaoPredictionLoss})
 * and SHNN (David &amp; Méhats; the midpoint residual, {@link
 * org.hamlab.engine.baseline.MidpointResidualLoss}), trained on one-step pairs ({@link
 * org.hamlab.engine.baseline.Pairs}) by {@link org.hamlab.engine.baseline.BaselineTrainer} with
 * their authors' networks ({@link org.hamlab.engine.baseline.BaselineNetworks}), optimisers
 * ({@link org.hamlab.engine.baseline.AdamW}, {@link org.hamlab.engine.baseline.BaselineSpec}) and
 * data ({@link org.hamlab.engine.baseline.BaselineData}, paper.md §3.3). The learned models are
 * ordinary {@link org.hamlab.engine.nn.Mlp}s in (q, p) order, evaluated like ours.
 */
package org.hamlab.engine.baseline;

/**
 * Minibatch training of H_θ on observation windows (paper.md §5.1).
 *
 * <p>Entry point: {@code new Trainer(TrainSpec.defaults()).withListener(..).withCancel(..)
 * .train(model, train, validation)} returning a {@link org.hamlab.engine.train.TrainResult}.
 * Optimisers ({@link org.hamlab.engine.train.Adam}, {@link org.hamlab.engine.train.Sgd}) and the
 * {@link org.hamlab.engine.train.Plateau} schedule are records; progress arrives as
 * {@link org.hamlab.engine.train.TrainEvent}s.
 */
package org.hamlab.engine.train;

package org.hamlab.engine.train;

/**
 * One row of the training history.
 *
 * @param epoch 1-based
 * @param trainLoss mean minibatch loss over the epoch (weighted by minibatch size, before each
 *     step)
 * @param validationLoss loss on the validation windows after the epoch; NaN without validation data
 * @param learningRate the rate used during the epoch
 * @param seconds wall time of the epoch including validation
 */
public record EpochRecord(
    int epoch, double trainLoss, double validationLoss, double learningRate, double seconds) {}

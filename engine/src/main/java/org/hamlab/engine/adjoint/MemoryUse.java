package org.hamlab.engine.adjoint;

/**
 * Memory of one gradient computation (paper.md §10 protocol).
 *
 * @param method registry name of the gradient method
 * @param rows batch size B
 * @param steps window steps L = N
 * @param dim state dimension 2d
 * @param parameters |θ|
 * @param retainedDoubles analytical count of doubles held (states or tape, work, partial gradients)
 * @param accountedDoubles doubles actually allocated for work arrays during the call
 * @param allocatedBytes bytes allocated by all JVM threads during the call (ThreadMXBean); includes
 *     garbage and the model's own temporaries, so it is an upper bound and noisy
 */
public record MemoryUse(
    String method,
    int rows,
    int steps,
    int dim,
    int parameters,
    long retainedDoubles,
    long accountedDoubles,
    long allocatedBytes) {

  /** {@link #retainedDoubles} in bytes. */
  public long retainedBytes() {
    return 8 * retainedDoubles;
  }
}

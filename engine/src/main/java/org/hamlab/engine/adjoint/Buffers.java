package org.hamlab.engine.adjoint;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocates the work arrays of one gradient computation and counts the doubles handed out, so that
 * {@link MemoryUse#accountedDoubles()} is an explicit measurement, not a formula.
 */
final class Buffers {
  private final AtomicLong doubles = new AtomicLong();

  double[] get(int length) {
    doubles.addAndGet(length);
    return new double[length];
  }

  long doubles() {
    return doubles.get();
  }
}

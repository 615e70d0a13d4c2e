package org.hamlab.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector width of the Panama ops: the preferred shape of this machine, or the width forced by
 * the system property {@code hamlab.simd.bits} (64, 128, 256 or 512; a width wider than the
 * hardware runs the slow Java fallback, so use that only in tests). Loaded only after {@link
 * OpsProvider} has checked that the incubator module is present.
 */
final class Species {
  static final VectorSpecies<Double> DOUBLE_SPECIES = chooseDouble();
  /** Float lanes of the same width, for float32 kernels. */
  static final VectorSpecies<Float> FLOAT_SPECIES = DOUBLE_SPECIES.withLanes(float.class);

  private Species() {}

  private static VectorSpecies<Double> chooseDouble() {
    String bits = System.getProperty("hamlab.simd.bits");
    if (bits == null || bits.isBlank()) return DoubleVector.SPECIES_PREFERRED;
    try {
      VectorShape shape = VectorShape.forBitSize(Integer.parseInt(bits.trim()));
      return DoubleVector.SPECIES_PREFERRED.withShape(shape);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "hamlab.simd.bits must be 64, 128, 256 or 512, got '" + bits + "'", e);
    }
  }
}

package org.hamlab.engine.simd;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector species of the MLP ops: the platform's preferred width (256-bit on AVX2, 512-bit on
 * AVX-512 hosts such as the Zen 5 build machine: 16 floats, 8 doubles). Never a hard-coded width:
 * a species wider than the hardware runs the slow Java fallback (libraries.md §3.6 item 4). The
 * width changes summation order, so bitwise results are per machine type. Loaded only when the
 * Panama path is chosen.
 */
final class MlpSpecies {
  static final VectorSpecies<Double> DOUBLE_SPECIES = DoubleVector.SPECIES_PREFERRED;
  static final VectorSpecies<Float> FLOAT_SPECIES = FloatVector.SPECIES_PREFERRED;

  private MlpSpecies() {}
}

package org.hamlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Panama ops against the scalar reference over awkward sizes (every tail path). Both do the
 * same operations in the same order without FMA, so results must agree bitwise. Fails (does not
 * skip) when the Vector API module is missing.
 */
class OpsEquivalenceTest {
  static final OpsImpl SCALAR = ScalarOps.INSTANCE;

  static OpsImpl panama() {
    return OpsProvider.panama(); // throws with the --add-modules hint when the module is missing
  }

  static double[] random(int len, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] a = new double[len];
    for (int i = 0; i < len; i++) a[i] = r.nextDouble(-2.5, 2.5);
    return a;
  }

  /** Runs {@code op} on both implementations with fresh copies of the inputs and compares {@code out}. */
  static void same(String what, int outLen, BiConsumer<OpsImpl, double[]> op) {
    double[] a = new double[outLen + 3], b = new double[outLen + 3];
    java.util.Arrays.fill(a, 7.0);
    java.util.Arrays.fill(b, 7.0);
    op.accept(SCALAR, a);
    op.accept(panama(), b);
    assertArrayEquals(a, b, 0.0, what);
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 257, 1000, 1023, 4099})
  void systemsAgree(int n) {
    double[] z2 = random(2 * n, n), v2 = random(2 * n, n + 1), z4 = random(4 * n, n + 2), v4 = random(4 * n, n + 3);
    same("dw value", n, (o, out) -> o.doubleWellValue(z2, n, out));
    same("dw gradient", 2 * n, (o, out) -> o.doubleWellGradient(z2, n, out));
    same("dw hvp", 2 * n, (o, out) -> o.doubleWellHessianVector(z2, v2, n, out));
    same("cho value", n, (o, out) -> o.coupledOscillatorValue(0.5, z2, n, out));
    same("cho gradient", 2 * n, (o, out) -> o.coupledOscillatorGradient(0.5, z2, n, out));
    same("hh value", n, (o, out) -> o.henonHeilesValue(z4, n, out));
    same("hh gradient", 4 * n, (o, out) -> o.henonHeilesGradient(z4, n, out));
    same("hh hvp", 4 * n, (o, out) -> o.henonHeilesHessianVector(z4, v4, n, out));
    same("spring value", n, (o, out) -> o.springMassValue(z2, n, out));
    same("pq value", n, (o, out) -> o.productQuadraticValue(z2, n, out));
    same("pq gradient", 2 * n, (o, out) -> o.productQuadraticGradient(z2, n, out));
    same("pq hvp", 2 * n, (o, out) -> o.productQuadraticHessianVector(z2, v2, n, out));
  }

  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 257, 1000, 1023, 4099})
  void stateUpdatesAgree(int n) {
    for (int d = 1; d <= 2; d++) {
      int len = 2 * d * n, dd = d;
      double[] z = random(len, 3L * n + d), g = random(len, 5L * n + d), y = random(len, 7L * n + d);
      same("fieldStep d=" + d, len, (o, out) -> o.fieldStep(z, 0.01, g, out, dd, n));
      same("average", len, (o, out) -> o.average(z, g, out, len));
      same("axpy", len, (o, out) -> o.axpy(-0.3, z, g, out, len));
      same("addScaled", len, (o, out) -> {
        System.arraycopy(y, 0, out, 0, len);
        o.addScaled(0.7, z, 1, out, 2, len - 2 < 0 ? 0 : len - 2);
      });
      double[] ys = y.clone(), yp = y.clone();
      double cs = SCALAR.fieldStepChange(z, 0.01, g, ys, d, n);
      double cp = panama().fieldStepChange(z, 0.01, g, yp, d, n);
      assertEquals(cs, cp, 0.0, "fieldStepChange value");
      assertArrayEquals(ys, yp, 0.0, "fieldStepChange update");
    }
  }

  @Test
  void changePropagatesNaNFromAnyPosition() {
    int n = 37;
    for (int at : new int[] {0, 5, 36, 37, 73}) {
      double[] z = random(2 * n, 1), g = random(2 * n, 2), y = random(2 * n, 3);
      g[at] = Double.NaN;
      assertTrue(Double.isNaN(panama().fieldStepChange(z, 0.1, g, y.clone(), 1, n)), "panama, NaN at " + at);
      assertTrue(Double.isNaN(SCALAR.fieldStepChange(z, 0.1, g, y.clone(), 1, n)), "scalar, NaN at " + at);
    }
  }

  @Test
  void facadeUsesPanamaWhenTheModuleIsLoaded() {
    assertTrue(OpsProvider.vectorModulePresent(), "the tests run with " + OpsProvider.MODULE_HINT);
    if (!"scalar".equals(System.getProperty("hamlab.simd"))) {
      assertTrue(Ops.implementation().startsWith("panama"), Ops.implementation());
    }
  }

  @Test
  void facadeChecksLengths() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Ops.doubleWellGradient(new double[3], 2, new double[4]));
    assertTrue(e.getMessage().contains("z has 3 entries but 4"), e.getMessage());
  }
}

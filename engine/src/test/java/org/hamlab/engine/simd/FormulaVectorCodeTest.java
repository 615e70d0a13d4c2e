package org.hamlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.hamlab.engine.simd.FormulaVectorCode.Step;
import org.junit.jupiter.api.Test;

class FormulaVectorCodeTest {

  /** out0 = sin(q)*v_p − 1.5, out1 = q^p over d = 1, against the scalar formulas. */
  @Test
  void evaluatesWholeVectorsAndReturnsTheBound() {
    assumeTrue(FormulaVectorCode.available(), "Vector API module not loaded");
    List<Step> steps = List.of(
        new Step("input", 0, 0, -1, 0),
        new Step("sin", 1, 0, -1, 0),
        new Step("input", 2, 3, -1, 0),
        new Step("mul", 1, 1, 2, 0),
        new Step("const", 2, -1, -1, 1.5),
        new Step("sub", 1, 1, 2, 0),
        new Step("input", 2, 1, -1, 0),
        new Step("pow", 2, 0, 2, 0));
    FormulaVectorCode.Batch batch = FormulaVectorCode.compile(2, 3, steps, new int[] {1, 2});
    assertNotNull(batch);
    for (int n : new int[] {0, 1, 3, 4, 5, 8, 17, 64}) {
      double[] z = new double[2 * n], v = new double[2 * n], out = new double[2 * n];
      for (int b = 0; b < n; b++) {
        z[b] = 0.1 + 0.05 * b;
        z[n + b] = -1 + 0.1 * b;
        v[n + b] = 2 - 0.3 * b;
      }
      int bound = batch.run(z, v, n, out);
      int lanes = jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
      assertEquals(n - n % lanes, bound);
      for (int b = 0; b < n; b++) {
        double sin = b < bound ? Math.sin(z[b]) * v[n + b] - 1.5 : 0;
        double pow = b < bound ? Math.pow(z[b], z[n + b]) : 0;
        assertEquals(sin, out[b], 1e-15, "row " + b);
        assertEquals(pow, out[n + b], 1e-14 * Math.abs(pow), "row " + b);
      }
    }
  }

  @Test
  void refusesUnknownStepsAndHugePrograms() {
    assumeTrue(FormulaVectorCode.available(), "Vector API module not loaded");
    var e = assertThrows(IllegalArgumentException.class, () -> FormulaVectorCode.compile(2, 1,
        List.of(new Step("cbrt", 0, 0, -1, 0)), new int[] {0}));
    assertEquals("unknown step 'cbrt'", e.getMessage());
    List<Step> many = new ArrayList<>();
    many.add(new Step("input", 0, 0, -1, 0));
    for (int i = 0; i < 1000; i++) many.add(new Step("add", 0, 0, 0, 0));
    assertNull(FormulaVectorCode.compile(2, 1, many, new int[] {0}));
  }
}

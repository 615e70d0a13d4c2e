package org.hamlab.engine.metric;

import static org.junit.jupiter.api.Assertions.*;

import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.TestSetSpec;
import org.hamlab.engine.data.TestSets;
import org.junit.jupiter.api.Test;

class BinnedErrorsTest {

  @Test
  void binsFollowScipyEdgesAndDropOutsidePoints() {
    // four points on [0, 2]² with 2 bins per axis: edges 0, 1, 2; the right edge 2 is in the last
    // bin
    double[] z = {0.0, 1.0, 2.0, 3.0, /* y */ 0.5, 0.5, 2.0, 0.5};
    TestSet set =
        new TestSet(
            "uniform",
            "four points",
            TestSet.Kind.UNIFORM,
            1,
            4,
            z,
            0,
            1,
            0,
            TestSetSpec.phasePlane());
    BinnedErrors b = BinnedErrors.of(set, new double[] {1, 3, 5, 7}, 2, 0, 2);
    assertEquals(1.0, b.mean()[0]); // x bin 0, y bin 0
    assertEquals(3.0, b.mean()[1]); // x = 1.0 opens bin 1
    assertEquals(5.0, b.mean()[3]); // (2, 2) is in the last bin of both axes
    assertTrue(Double.isNaN(b.mean()[2])); // empty
    assertArrayEquals(new int[] {1, 1, 0, 1}, b.counts()); // x = 3 is outside and dropped
    assertEquals(0.5, b.centre(0));
  }

  @Test
  void binMeansOfAKnownFieldOnTheUniformSet() {
    TestSet set = TestSets.uniform(TestSetSpec.phasePlane().withUniformCount(20_000));
    double[] e = new double[set.count()];
    for (int i = 0; i < e.length; i++) e[i] = set.x(i); // error = q: each bin's mean ≈ its centre
    BinnedErrors b = BinnedErrors.of(set, e, 10, -2, 2);
    int total = 0;
    for (int j = 0; j < 10; j++) {
      for (int i = 0; i < 10; i++) {
        assertEquals(b.centre(i), b.mean()[j * 10 + i], 0.05, "bin " + i + "," + j);
        total += b.counts()[j * 10 + i];
      }
    }
    assertEquals(set.count(), total);
  }
}

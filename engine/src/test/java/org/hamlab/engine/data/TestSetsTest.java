package org.hamlab.engine.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.HenonHeiles;
import org.junit.jupiter.api.Test;

class TestSetsTest {

  @Test
  void phasePlaneSetsHaveThePaperShapes() {
    List<TestSet> sets = TestSets.paper(new DoubleWell(), 0);
    assertEquals(List.of("grid", "uniform", "gaussian"), sets.stream().map(TestSet::name).toList());
    assertEquals(List.of(900, 100_000, 100_000), sets.stream().map(TestSet::count).toList());
    for (TestSet s : sets) {
      assertEquals(1, s.dof());
      assertEquals(2 * s.count(), s.states().length);
      assertEquals(0, s.xAxis());
      assertEquals(1, s.yAxis());
    }
    assertEquals(30, sets.get(0).gridSide());
  }

  @Test
  void gridIsNumpyLinspaceMeshgridXy() {
    TestSet g = TestSets.grid(TestSetSpec.phasePlane());
    double step = 4.0 / 29;
    // meshgrid "xy" flattened row-major: point i*30 + j is (x_j, y_i), x varies fastest
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) {
        int b = i * 30 + j;
        assertEquals(-2 + j * step, g.x(b), 1e-15, "q of point " + b);
        assertEquals(-2 + i * step, g.y(b), 1e-15, "p of point " + b);
      }
    }
    assertEquals(-2.0, g.x(0));
    assertEquals(2.0, g.x(29));
    assertEquals(2.0, g.y(899));
    assertArrayEquals(new double[] {2.0, -2.0}, g.point(29));
  }

  @Test
  void uniformSetFillsTheBoxWithUniformMoments() {
    TestSet u = TestSets.uniform(TestSetSpec.phasePlane().withSeed(3));
    int n = u.count();
    double[] sum = new double[2], sq = new double[2];
    for (int b = 0; b < n; b++) {
      double[] v = {u.x(b), u.y(b)};
      for (int k = 0; k < 2; k++) {
        assertTrue(v[k] >= -2 && v[k] < 2, "point outside [-2, 2): " + v[k]);
        sum[k] += v[k];
        sq[k] += v[k] * v[k];
      }
    }
    // U[-2, 2]: mean 0, variance 4/3; 5-sigma bounds of the sample moments at n = 100 000
    for (int k = 0; k < 2; k++) {
      double mean = sum[k] / n, var = sq[k] / n - mean * mean;
      assertEquals(0.0, mean, 5 * Math.sqrt(4.0 / 3 / n));
      assertEquals(4.0 / 3, var, 5 * Math.sqrt((16.0 / 5 - 16.0 / 9) / n));
    }
  }

  @Test
  void gaussianSetHasUnitMomentsAndTheExpectedMassOutsideTheBox() {
    TestSet g = TestSets.gaussian(TestSetSpec.phasePlane().withSeed(11));
    int n = g.count(), outside = 0;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int b = 0; b < n; b++) {
      double x = g.x(b), y = g.y(b);
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      if (Math.abs(x) > 2 || Math.abs(y) > 2) outside++;
    }
    double tol = 5 / Math.sqrt(n); // 5 sigma of the mean (sd 1) and of the covariance (sd ≈ 1)
    assertEquals(0, sx / n, tol);
    assertEquals(0, sy / n, tol);
    assertEquals(1, sxx / n, 5 * Math.sqrt(2.0 / n));
    assertEquals(1, syy / n, 5 * Math.sqrt(2.0 / n));
    assertEquals(0, sxy / n, tol);
    // paper.md §8.2: about 8.9 % of N(0, I) lies outside [-2, 2]²: 1 - (1 - 2 Φ(-2))² = 0.0889
    double pOut = 1 - Math.pow(1 - 0.04550026389635842, 2);
    assertEquals(pOut, (double) outside / n, 5 * Math.sqrt(pOut * (1 - pOut) / n));
  }

  @Test
  void henonHeilesSliceFixesQxPxAndVariesQyPy() {
    List<TestSet> sets = TestSets.paper(new HenonHeiles(), 5);
    assertEquals(List.of(900, 50_000, 50_000), sets.stream().map(TestSet::count).toList());
    for (TestSet s : sets) {
      assertEquals(2, s.dof());
      assertEquals(1, s.xAxis(), "q_y is component 1 of (q_x, q_y, p_x, p_y)");
      assertEquals(3, s.yAxis(), "p_y is component 3");
      int n = s.count();
      for (int b = 0; b < n; b++) {
        assertEquals(0.1, s.states()[b], "q_x of point " + b);
        assertEquals(0.2, s.states()[2 * n + b], "p_x of point " + b);
      }
      assertEquals("q_2", s.label(s.xAxis()));
      assertEquals("p_2", s.label(s.yAxis()));
    }
    TestSet grid = sets.get(0), uniform = sets.get(1), gauss = sets.get(2);
    assertEquals(-0.5, grid.x(0));
    assertEquals(0.5, grid.y(899));
    for (int b = 0; b < uniform.count(); b++) {
      assertTrue(Math.abs(uniform.x(b)) <= 0.5 && Math.abs(uniform.y(b)) <= 0.5);
    }
    double sq = 0;
    for (int b = 0; b < gauss.count(); b++) sq += gauss.x(b) * gauss.x(b) + gauss.y(b) * gauss.y(b);
    // N(0, 0.25 I): each varying component has variance 0.25
    assertEquals(0.25, sq / (2 * gauss.count()), 5 * 0.25 * Math.sqrt(2.0 / (2 * gauss.count())));
  }

  @Test
  void aSeedFixesTheSetAndAnotherSeedChangesIt() {
    TestSetSpec spec = TestSetSpec.phasePlane().withUniformCount(1000).withGaussian(1.0, 1000);
    assertArrayEquals(
        TestSets.uniform(spec.withSeed(7)).states(), TestSets.uniform(spec.withSeed(7)).states());
    assertArrayEquals(
        TestSets.gaussian(spec.withSeed(7)).states(), TestSets.gaussian(spec.withSeed(7)).states());
    assertFalse(
        Arrays.equals(
            TestSets.uniform(spec.withSeed(7)).states(),
            TestSets.uniform(spec.withSeed(8)).states()));
    // per-point streams: a larger set starts with the smaller one
    TestSet small = TestSets.uniform(spec.withSeed(7).withUniformCount(10));
    TestSet large = TestSets.uniform(spec.withSeed(7));
    for (int b = 0; b < 10; b++) assertEquals(small.x(b), large.x(b));
  }

  @Test
  void theSetsDoNotDependOnTheThreadCount() {
    // a call from inside a Tiles task runs serially (Tiles' nesting rule)
    TestSetSpec spec = TestSetSpec.phasePlane().withSeed(9);
    TestSet parallel = TestSets.gaussian(spec);
    TestSet[] serial = new TestSet[1];
    Tiles.forEach(
        2,
        1,
        (tile, from, to) -> {
          if (tile == 0) serial[0] = TestSets.gaussian(spec);
        });
    assertArrayEquals(parallel.states(), serial[0].states());
  }

  @Test
  void configurableBoxGridAndStd() {
    TestSetSpec spec =
        TestSetSpec.phasePlane()
            .withBox(-1, 3)
            .withGridSide(5)
            .withUniformCount(200)
            .withGaussian(0.1, 300);
    TestSet g = TestSets.grid(spec);
    assertEquals(25, g.count());
    assertArrayEquals(
        new double[] {-1, 0, 1, 2, 3},
        new double[] {g.x(0), g.x(1), g.x(2), g.x(3), g.x(4)},
        1e-15);
    TestSet u = TestSets.uniform(spec);
    for (int b = 0; b < u.count(); b++) assertTrue(u.x(b) >= -1 && u.x(b) < 3);
    TestSet n = TestSets.gaussian(spec);
    assertEquals(300, n.count());
    for (int b = 0; b < n.count(); b++) assertTrue(Math.abs(n.x(b)) < 0.1 * 6);
  }

  @Test
  void theProtocolFollowsTheDegreesOfFreedom() {
    TestSetSpec spec = TestSetSpec.forSystem(new CoupledOscillator());
    assertEquals(TestSetSpec.phasePlane(), spec);
    assertEquals(TestSetSpec.henonHeilesSlice(), TestSetSpec.forSystem(new HenonHeiles()));
  }

  @Test
  void badSpecsAreRefusedWithTheReason() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> TestSetSpec.phasePlane().withBox(2, -2));
    assertTrue(e.getMessage().contains("lo < hi"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TestSetSpec.phasePlane().withPlane(new double[] {0, 0}, 0, 0));
    assertTrue(e.getMessage().contains("two different components"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> TestSets.byName("grd", TestSetSpec.phasePlane()));
    assertTrue(e.getMessage().contains("grid, uniform, gaussian"), e.getMessage());
  }
}

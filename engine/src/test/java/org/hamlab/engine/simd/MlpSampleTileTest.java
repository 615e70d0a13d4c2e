package org.hamlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hamlab.engine.parallel.Tiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample-lane tiles ({@link MlpSampleTileF32}, {@link MlpSampleTileF64}) against the scalar
 * twins over awkward batch sizes (1 row, rows not a multiple of the lanes or of a micro-tile),
 * widths that are not multiples of the lanes or of the register blocks, depths 1..3, every
 * activation, both precisions and every pass; the neuron-lane tiles forced the same way; thread-
 * count invariance (bitwise) of the sample-lane parameter gradients.
 */
class MlpSampleTileTest {
  private static final int PASSES = 10;

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257})
  void batchSizes(int n) {
    for (boolean float32 : new boolean[] {false, true}) {
      compare(new int[] {2, 16, 32, 16, 1}, float32, MlpFunction.TANH, false, n, true);
      compare(new int[] {3, 5, 1}, float32, MlpFunction.TANH, true, n, true);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 48})
  void widths(int w) {
    for (boolean float32 : new boolean[] {false, true}) {
      compare(new int[] {2, w, 1}, float32, MlpFunction.TANH, true, 41, true);
      compare(new int[] {w, w, w, 1}, float32, MlpFunction.TANH, false, 70, true);
      compare(new int[] {4, w, 3, w + 1, 1}, float32, MlpFunction.TANH, true, 19, true);
    }
  }

  static Stream<Arguments> functions() {
    return Arrays.stream(MlpFunction.values())
        .flatMap(f -> Stream.of(Arguments.of(f, false), Arguments.of(f, true)));
  }

  @ParameterizedTest
  @MethodSource("functions")
  void activations(MlpFunction f, boolean float32) {
    compare(new int[] {2, 16, 32, 16, 1}, float32, f, false, 65, true);
    compare(new int[] {4, 11, 1}, float32, f, true, 9, true);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void neuronLanesWhenForced(MlpFunction f, boolean float32) {
    compare(new int[] {2, 16, 32, 16, 1}, float32, f, false, 65, false);
    compare(new int[] {3, 17, 5, 1}, float32, f, true, 33, false);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void gradientsAreBitwiseTheSameOnOneThreadOrTwo(boolean float32) {
    assertTrue(Tiles.threads() > 1, "needs hamlab.threads > 1 to compare, got " + Tiles.threads());
    for (int[] sizes : new int[][] {{2, 16, 32, 16, 1}, {3, 17, 5, 1}}) {
      int count = new MlpShape(sizes, true, 1).parameterCount;
      double[] theta = scaled(random(count, 7), 0.3);
      MlpOps o = ops(sizes, float32, MlpFunction.TANH, true, true, true, theta);
      assertTrue(o.sampleLanes());
      int dim = sizes[0];
      int n = 1000;
      double[] z = random(dim * n, 1);
      double[] v = random(dim * n, 2);
      double[] w = random(n, 3);
      double[][] mixed = new double[2][];
      double[][] params = new double[2][];
      for (int pass = 0; pass < 2; pass++) {
        MlpOps.serial = pass == 0;
        try {
          mixed[pass] = new double[count];
          o.accumulateMixed(z, v, n, mixed[pass]);
          params[pass] = new double[count];
          o.accumulateParameterGradient(z, w, n, params[pass]);
        } finally {
          MlpOps.serial = false;
        }
      }
      String what = Arrays.toString(sizes) + (float32 ? " f32" : " f64");
      assertArrayEquals(mixed[0], mixed[1], what + " mixed derivative: serial vs parallel");
      assertArrayEquals(params[0], params[1], what + " ∂θH: serial vs parallel");
    }
  }

  @Test
  void paddingRowsAddNothingToTheParameterGradients() {
    // 17 rows leave 15 padding lanes in the last float vector and 7 in the last double one.
    for (boolean float32 : new boolean[] {false, true}) {
      int[] sizes = {2, 16, 32, 16, 1};
      int count = new MlpShape(sizes, true, 1).parameterCount;
      double[] theta = scaled(random(count, 11), 0.4);
      MlpOps o = ops(sizes, float32, MlpFunction.TANH, true, true, true, theta);
      int n = 17;
      double[] z = random(2 * n, 12);
      double[] v = random(2 * n, 13);
      double[] one = new double[count];
      o.accumulateMixed(z, v, n, one);
      double[] sum = new double[count];
      double[] z1 = new double[2];
      double[] v1 = new double[2];
      for (int b = 0; b < n; b++) {
        z1[0] = z[b];
        z1[1] = z[n + b];
        v1[0] = v[b];
        v1[1] = v[n + b];
        o.accumulateMixed(z1, v1, 1, sum);
      }
      double err = relErr(one, sum);
      assertTrue(err < (float32 ? 1e-5 : 1e-13), "batch vs row by row: " + err);
    }
  }

  @Test
  void microTilesDivideTheReductionTile() {
    for (boolean float32 : new boolean[] {false, true}) {
      int rows = MlpKernels.sampleVectors(float32) * MlpKernels.lanes(float32);
      assertEquals(0, MlpOps.TILE % rows, "micro-tile of " + rows + " rows");
    }
  }

  @Test
  void layoutFollowsTheMeasuredRule() {
    int[] narrow = {2, 16, 32, 16, 1};
    assertEquals(MlpSampleOuterF32.BLOCKED, MlpKernels.sampleLanes(narrow, true), "float narrow");
    assertEquals(MlpSampleOuterF64.BLOCKED, MlpKernels.sampleLanes(narrow, false), "double narrow");
    for (boolean float32 : new boolean[] {false, true}) {
      int four = 4 * MlpKernels.lanes(float32);
      assertEquals(MlpSampleOuterF32.BLOCKED && MlpSampleOuterF64.BLOCKED,
          MlpKernels.sampleLanes(new int[] {2, four, four, 1}, float32), "4 vectors wide");
      assertTrue(!MlpKernels.sampleLanes(new int[] {2, four + 1, 1}, float32),
          "wider than 4 vectors, float32 " + float32);
    }
  }

  @Test
  void tangentNeedsTheCurvatureOfTheForwardPass() {
    MlpShape shape = new MlpShape(new int[] {2, 5, 1}, false, MlpSampleTileF32.BLOCK);
    MlpWeightsF32 w = new MlpWeightsF32(shape);
    MlpTile t = new MlpSampleTileF32(shape, w, MlpFunction.TANH, 4);
    t.load(new double[] {0.1, 0.2}, 1, 0, 1);
    t.forward(false);
    t.backward(null, 0);
    t.unitTangent(0);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::tangent);
  }

  /** Rows of z and v in [−3, 3] so that all activations leave their linear range. */
  static double[] random(int len, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[len];
    for (int i = 0; i < len; i++) x[i] = 6 * r.nextDouble() - 3;
    return x;
  }

  private static double[] scaled(double[] x, double f) {
    for (int i = 0; i < x.length; i++) x[i] *= f;
    return x;
  }

  private static MlpOps ops(int[] sizes, boolean float32, MlpFunction f, boolean bias,
      boolean panama, Boolean sampleLanes, double[] theta) {
    MlpOps o = new MlpOps(sizes, bias, f, float32, panama, sampleLanes);
    o.load(theta);
    return o;
  }

  private static void compare(int[] sizes, boolean float32, MlpFunction f, boolean bias, int n,
      boolean sampleLanes) {
    int count = new MlpShape(sizes, bias, 1).parameterCount;
    double[] theta = scaled(random(count, 42), 0.4);
    MlpOps vec = ops(sizes, float32, f, bias, true, sampleLanes, theta);
    MlpOps ref = ops(sizes, float32, f, bias, false, null, theta);
    assertTrue(vec.panama() && !ref.panama() && vec.sampleLanes() == sampleLanes);
    int dim = sizes[0];
    double[] z = random(dim * n, n);
    double[] v = random(dim * n, n + 1);
    double[] w = random(n, n + 2);
    String what = Arrays.toString(sizes) + " " + f + (float32 ? " f32" : " f64") + " n=" + n
        + (sampleLanes ? " sample lanes" : " neuron lanes");
    double tol = float32 ? 2e-5 : 1e-12;
    for (int op = 0; op < PASSES; op++) {
      double[] a = run(vec, op, z, v, w, n, dim, count);
      double[] b = run(ref, op, z, v, w, n, dim, count);
      double err = relErr(a, b);
      assertTrue(err < tol, what + " pass " + op + ": relative difference " + err);
    }
  }

  /**
   * Pass 0 H, 1 ∇H, 2 HVP, 3 Hessian, 4 mixed, 5 ∂θH (accumulated onto ones), 6 H and ∇H, 7 ∇H
   * and Hessian, 8 HVP and mixed.
   */
  private static double[] run(MlpOps o, int op, double[] z, double[] v, double[] w, int n,
      int dim, int count) {
    double[] out;
    switch (op) {
      case 0 -> o.value(z, n, out = new double[n]);
      case 1 -> o.gradient(z, n, out = new double[dim * n]);
      case 2 -> o.hessianVector(z, v, n, out = new double[dim * n]);
      case 3 -> o.hessian(z, n, out = new double[dim * dim * n]);
      case 4 -> {
        out = new double[count];
        Arrays.fill(out, 1.0);
        o.accumulateMixed(z, v, n, out);
      }
      case 5 -> {
        out = new double[count];
        Arrays.fill(out, 1.0);
        o.accumulateParameterGradient(z, w, n, out);
      }
      case 6 -> {
        out = new double[(1 + dim) * n];
        double[] g = new double[dim * n];
        o.valueAndGradient(z, n, out, g);
        System.arraycopy(g, 0, out, n, g.length);
      }
      case 7 -> {
        out = new double[(dim + dim * dim) * n];
        double[] h = new double[dim * dim * n];
        o.gradientAndHessian(z, n, out, h);
        System.arraycopy(h, 0, out, dim * n, h.length);
      }
      case 9 -> {
        // v_b = S_b z_b: each row's direction comes from its own Hessian (the adjoint's pattern)
        out = new double[(dim * dim + dim) * n + count];
        double[] h = new double[dim * dim * n], t = new double[dim * n], g = new double[count];
        Arrays.fill(g, 1.0);
        o.hessianThenMixed(z, n, h, (hs, rows, from, m, vv) -> {
          for (int b = from; b < from + m; b++) {
            for (int i = 0; i < dim; i++) {
              double s = 0;
              for (int j = 0; j < dim; j++) s += hs[(i * dim + j) * rows + b] * z[j * rows + b];
              vv[i * rows + b] = s;
            }
          }
        }, t, g);
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(t, 0, out, h.length, t.length);
        System.arraycopy(g, 0, out, h.length + t.length, count);
      }
      default -> {
        out = new double[dim * n + count];
        double[] hv = new double[dim * n];
        double[] g = new double[count];
        o.hessianVectorAndMixed(z, v, n, hv, g);
        System.arraycopy(hv, 0, out, 0, hv.length);
        System.arraycopy(g, 0, out, hv.length, count);
      }
    }
    return out;
  }

  static double relErr(double[] a, double[] b) {
    double d = 0;
    double m = 1e-30;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) return Double.POSITIVE_INFINITY;
      d = Math.max(d, Math.abs(a[i] - b[i]));
      m = Math.max(m, Math.abs(b[i]));
    }
    return d / m;
  }
}

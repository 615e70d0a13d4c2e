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
 * Panama MLP kernels against their scalar twins over awkward batch sizes, widths, activations and
 * both precisions; thread-count invariance of the accumulated gradients (bitwise).
 */
class MlpOpsTest {

  @Test
  void panamaIsAvailable() {
    assertTrue(MlpKernels.available(),
        "the Vector API is missing: run the JVM with --add-modules jdk.incubator.vector");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 257, 1000})
  void batchSizes(int n) {
    compare(new int[] {2, 17, 9, 1}, false, MlpFunction.TANH, false, n);
    compare(new int[] {2, 17, 9, 1}, true, MlpFunction.TANH, true, n);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16, 17, 32, 64, 97})
  void widths(int w) {
    compare(new int[] {4, w, w, 1}, false, MlpFunction.TANH, false, 33);
    compare(new int[] {2, w, 3, w, 1}, true, MlpFunction.TANH, true, 19);
  }

  static Stream<Arguments> functions() {
    return Arrays.stream(MlpFunction.values())
        .flatMap(f -> Stream.of(Arguments.of(f, false), Arguments.of(f, true)));
  }

  @ParameterizedTest
  @MethodSource("functions")
  void activations(MlpFunction f, boolean float32) {
    compare(new int[] {2, 16, 32, 16, 1}, float32, f, false, 65);
    compare(new int[] {4, 11, 1}, float32, f, true, 9);
  }

  /** Rows of z and v in [−3, 3] so that all activations leave their linear range. */
  private static double[] random(int len, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[len];
    for (int i = 0; i < len; i++) x[i] = 6 * r.nextDouble() - 3;
    return x;
  }

  private static MlpOps ops(int[] sizes, boolean float32, MlpFunction f, boolean bias,
      boolean panama, double[] theta) {
    MlpOps o = new MlpOps(sizes, bias, f, float32, panama);
    o.load(theta);
    return o;
  }

  private static void compare(int[] sizes, boolean float32, MlpFunction f, boolean bias, int n) {
    int count = new MlpShape(sizes, bias, 1).parameterCount;
    double[] theta = random(count, 42);
    for (int i = 0; i < theta.length; i++) theta[i] *= 0.4;
    MlpOps vec = ops(sizes, float32, f, bias, true, theta);
    MlpOps ref = ops(sizes, float32, f, bias, false, theta);
    assertTrue(vec.panama() && !ref.panama());
    int dim = sizes[0];
    double[] z = random(dim * n, n);
    double[] v = random(dim * n, n + 1);
    double[] w = random(n, n + 2);
    String what = Arrays.toString(sizes) + " " + f + (float32 ? " f32" : " f64") + " n=" + n;
    double tol = float32 ? 2e-5 : 1e-12;
    for (int op = 0; op < 6; op++) {
      double[] a = run(vec, op, z, v, w, n, dim, count);
      double[] b = run(ref, op, z, v, w, n, dim, count);
      double err = relErr(a, b);
      assertTrue(err < tol, what + " op " + op + ": relative difference " + err);
    }
  }

  /** op 0 H, 1 ∇H, 2 HVP, 3 Hessian, 4 mixed, 5 ∂θH (accumulated onto ones). */
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
      default -> {
        out = new double[count];
        Arrays.fill(out, 1.0);
        o.accumulateParameterGradient(z, w, n, out);
      }
    }
    return out;
  }

  private static double relErr(double[] a, double[] b) {
    double d = 0;
    double m = 1e-30;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) return Double.POSITIVE_INFINITY;
      d = Math.max(d, Math.abs(a[i] - b[i]));
      m = Math.max(m, Math.abs(b[i]));
    }
    return d / m;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void gradientsAreBitwiseTheSameOnOneThreadOrTwo(boolean float32) {
    assertTrue(Tiles.threads() > 1, "needs hamlab.threads > 1 to compare, got " + Tiles.threads());
    int[] sizes = {2, 64, 64, 1};
    int count = new MlpShape(sizes, false, 1).parameterCount;
    double[] theta = random(count, 7);
    for (int i = 0; i < theta.length; i++) theta[i] *= 0.2;
    MlpOps o = ops(sizes, float32, MlpFunction.TANH, false, true, theta);
    int n = 1000;
    double[] z = random(2 * n, 1);
    double[] v = random(2 * n, 2);
    double[][] results = new double[2][];
    double[][] params = new double[2][];
    for (int pass = 0; pass < 2; pass++) {
      MlpOps.serial = pass == 0;
      try {
        results[pass] = new double[count];
        o.accumulateMixed(z, v, n, results[pass]);
        params[pass] = new double[count];
        o.accumulateParameterGradient(z, v, n, params[pass]);
      } finally {
        MlpOps.serial = false;
      }
    }
    assertArrayEquals(results[0], results[1], "mixed derivative: serial vs parallel");
    assertArrayEquals(params[0], params[1], "∂θH: serial vs parallel");
  }

  @Test
  void rationalTanhIsFloatAccurate() {
    double max = 0;
    for (int i = -200_000; i <= 200_000; i++) {
      float x = i * 1e-4f;
      max = Math.max(max, Math.abs(MlpScalarF32.tanh(x) - Math.tanh(x)));
    }
    assertTrue(max < 3e-7, "rational tanh max abs error " + max);
    assertTrue(MlpScalarF32.tanh(50f) <= 1f && MlpScalarF32.tanh(-50f) >= -1f);
  }

  @Test
  void doubleTanhIsAccurateToAFewUlp() {
    int len = 400_000 + 8 * MlpSpecies.DOUBLE_SPECIES.length();
    double[] a = new double[len];
    for (int i = 0; i < len; i++) a[i] = (i - len / 2) * 1.37e-4 * (i % 3 == 0 ? 0.001 : 1);
    double[] z = a.clone();
    double[] s1 = new double[len];
    double[] s2 = new double[len];
    MlpPanamaF64.tanh(a, s1, s2, len);
    double max = 0;
    for (int i = 0; i < len; i++) {
      double t = Math.tanh(z[i]);
      double err = t == 0 ? Math.abs(a[i]) : Math.abs(a[i] - t) / Math.abs(t);
      max = Math.max(max, err);
      assertTrue(Math.abs(s1[i] - (1 - t * t)) <= 1e-15, "σ' at " + z[i]);
    }
    assertTrue(max < 5e-16, "double tanh max relative error " + max);
    // log-uniform over 1e-12..20 and uniform over 0..20, both signs: at most 4 ulp of the result
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    double[] x = new double[1 << 20];
    for (int i = 0; i < x.length; i++) {
      double u = rnd.nextDouble();
      x[i] = (i % 2 == 0 ? Math.pow(10, -12 + 13.4 * u) : 20 * u) * (rnd.nextBoolean() ? 1 : -1);
    }
    double[] tx = x.clone();
    MlpPanamaF64.tanh(tx, new double[x.length], null, x.length);
    double ulps = 0;
    for (int i = 0; i < x.length; i++) {
      double t = StrictMath.tanh(x[i]);
      ulps = Math.max(ulps, Math.abs(tx[i] - t) / Math.ulp(t));
    }
    assertTrue(ulps <= 4, "double tanh is " + ulps + " ulp from StrictMath.tanh");
    int lanes = MlpSpecies.DOUBLE_SPECIES.length();
    double[] big = new double[lanes];
    double[] special = {25, -25, 1e300, -1e300, 0.0, -0.0, Double.MIN_VALUE, 19.99};
    for (int i = 0; i < lanes; i++) big[i] = special[i % special.length];
    double[] in = big.clone();
    MlpPanamaF64.tanh(big, new double[lanes], new double[lanes], lanes);
    for (int i = 0; i < lanes; i++) assertEquals(Math.tanh(in[i]), big[i], 1e-16, "at " + in[i]);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void perRowResultsDoNotDependOnHowTheBatchIsCut(boolean float32) {
    int[] sizes = {4, 16, 32, 16, 1};
    int count = new MlpShape(sizes, false, 1).parameterCount;
    double[] theta = random(count, 5);
    for (int i = 0; i < theta.length; i++) theta[i] *= 0.3;
    MlpOps o = ops(sizes, float32, MlpFunction.TANH, false, true, theta);
    int n = 37;
    double[] z = random(4 * n, 8);
    double[] v = random(4 * n, 9);
    double[] hv = new double[4 * n];
    o.hessianVector(z, v, n, hv);
    double[] z1 = new double[4];
    double[] v1 = new double[4];
    double[] hv1 = new double[4];
    for (int b = 0; b < n; b++) {
      for (int k = 0; k < 4; k++) {
        z1[k] = z[k * n + b];
        v1[k] = v[k * n + b];
      }
      o.hessianVector(z1, v1, 1, hv1);
      for (int k = 0; k < 4; k++) {
        assertEquals(hv[k * n + b], hv1[k], 0.0, "row " + b + " component " + k);
      }
    }
  }
}

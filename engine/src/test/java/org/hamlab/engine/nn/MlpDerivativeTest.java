package org.hamlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every derivative of {@link Mlp} (paper.md §7.4 items 1–5) against central finite differences,
 * per activation, with and without output bias, in double; float32 against the double results.
 */
class MlpDerivativeTest {
  private static final int N = 6;

  static Stream<Arguments> nets() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (Activation a : Activation.values()) {
      b.add(Arguments.of(MlpSpec.of(1).withActivation(a).withSeed(3)));
      b.add(Arguments.of(MlpSpec.of(2).withHidden(9, 5).withActivation(a).withOutputBias(true)
          .withSeed(11)));
    }
    return b.build();
  }

  private static double[] randomStates(int dim, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] z = new double[dim * n];
    for (int i = 0; i < z.length; i++) z[i] = 3 * r.nextDouble() - 1.5;
    return z;
  }

  /** Relative error max|a−b| / max(max|b|, floor). */
  private static double relErr(double[] a, double[] b, double floor) {
    double d = 0;
    double m = floor;
    for (int i = 0; i < b.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
      m = Math.max(m, Math.abs(b[i]));
    }
    return d / m;
  }

  @ParameterizedTest
  @MethodSource("nets")
  void gradientMatchesFiniteDifferences(MlpSpec spec) {
    Mlp mlp = Mlp.create(spec);
    int dim = mlp.dim();
    double[] z = randomStates(dim, N, 1);
    double[] grad = new double[dim * N];
    mlp.gradient(z, N, grad);
    double[] fd = new double[dim * N];
    double h = 1e-5;
    double[] hp = new double[N];
    double[] hm = new double[N];
    for (int k = 0; k < dim; k++) {
      double[] zp = z.clone();
      double[] zm = z.clone();
      for (int b = 0; b < N; b++) {
        zp[k * N + b] += h;
        zm[k * N + b] -= h;
      }
      mlp.value(zp, N, hp);
      mlp.value(zm, N, hm);
      for (int b = 0; b < N; b++) fd[k * N + b] = (hp[b] - hm[b]) / (2 * h);
    }
    assertTrue(relErr(grad, fd, 1e-3) < 1e-8, "∇H vs FD: " + relErr(grad, fd, 1e-3));
    double[] value = new double[N];
    double[] grad2 = new double[dim * N];
    mlp.valueAndGradient(z, N, value, grad2);
    mlp.value(z, N, hp);
    assertSame(spec, hp, value);
    assertSame(spec, grad, grad2);
  }

  @ParameterizedTest
  @MethodSource("nets")
  void hessianVectorAndHessianMatchFiniteDifferences(MlpSpec spec) {
    Mlp mlp = Mlp.create(spec);
    int dim = mlp.dim();
    double[] z = randomStates(dim, N, 2);
    double[] v = randomStates(dim, N, 3);
    double[] hv = new double[dim * N];
    mlp.hessianVector(z, v, N, hv);
    double h = 1e-5;
    double[] zp = z.clone();
    double[] zm = z.clone();
    for (int i = 0; i < z.length; i++) {
      zp[i] += h * v[i];
      zm[i] -= h * v[i];
    }
    double[] gp = new double[dim * N];
    double[] gm = new double[dim * N];
    mlp.gradient(zp, N, gp);
    mlp.gradient(zm, N, gm);
    double[] fd = new double[dim * N];
    for (int i = 0; i < fd.length; i++) fd[i] = (gp[i] - gm[i]) / (2 * h);
    assertTrue(relErr(hv, fd, 1e-3) < 1e-7, "HVP vs FD: " + relErr(hv, fd, 1e-3));

    double[] hess = new double[dim * dim * N];
    double[] grad = new double[dim * N];
    mlp.gradientAndHessian(z, N, grad, hess);
    double[] hvFromHessian = new double[dim * N];
    for (int b = 0; b < N; b++) {
      for (int i = 0; i < dim; i++) {
        double s = 0;
        for (int j = 0; j < dim; j++) {
          s += hess[(i * dim + j) * N + b] * v[j * N + b];
          assertEquals(hess[(i * dim + j) * N + b], hess[(j * dim + i) * N + b],
              1e-12 * (1 + Math.abs(hess[(i * dim + j) * N + b])), "Hessian symmetric");
        }
        hvFromHessian[i * N + b] = s;
      }
    }
    assertTrue(relErr(hvFromHessian, hv, 1e-3) < 1e-12, "Hessian·v vs HVP");
    double[] grad1 = new double[dim * N];
    mlp.gradient(z, N, grad1);
    assertSame(spec, grad1, grad);
    double[] hess2 = new double[dim * dim * N];
    mlp.hessian(z, N, hess2);
    assertSame(spec, hess2, hess);
  }

  @ParameterizedTest
  @MethodSource("nets")
  void mixedDerivativeMatchesFiniteDifferences(MlpSpec spec) {
    Mlp mlp = Mlp.create(spec);
    int dim = mlp.dim();
    double[] z = randomStates(dim, N, 4);
    double[] v = randomStates(dim, N, 5);
    double[] mixed = new double[mlp.parameterCount()];
    mlp.accumulateMixed(z, v, N, mixed);
    double[] theta = mlp.parameters();
    double[] fd = new double[theta.length];
    double h = 1e-5;
    double[] g = new double[dim * N];
    for (int i = 0; i < theta.length; i++) {
      double t0 = theta[i];
      theta[i] = t0 + h;
      mlp.parametersChanged();
      mlp.gradient(z, N, g);
      double up = dot(g, v);
      theta[i] = t0 - h;
      mlp.parametersChanged();
      mlp.gradient(z, N, g);
      double down = dot(g, v);
      theta[i] = t0;
      fd[i] = (up - down) / (2 * h);
    }
    mlp.parametersChanged();
    assertTrue(relErr(mixed, fd, 1e-3) < 1e-7, "mixed vs FD: " + relErr(mixed, fd, 1e-3));
    if (spec.outputBias()) assertEquals(0.0, mixed[mixed.length - 1], "∂c (v·∇H) = 0");

    double[] hv = new double[dim * N];
    double[] hv2 = new double[dim * N];
    double[] fused = new double[theta.length];
    mlp.hessianVectorAndMixed(z, v, N, hv, fused);
    mlp.hessianVector(z, v, N, hv2);
    assertSame(spec, hv2, hv);
    assertSame(spec, mixed, fused);
  }

  @ParameterizedTest
  @MethodSource("nets")
  void hessianThenMixedEqualsTheSeparateCalls(MlpSpec spec) {
    Mlp mlp = Mlp.create(spec);
    int dim = mlp.dim();
    double[] z = randomStates(dim, N, 8);
    double[] lambda = randomStates(dim, N, 9);
    // v_b = S_b λ_b, from the Hessian of its own row as the discrete adjoint's solve is
    org.hamlab.engine.simd.HessianTangents f =
        (hess, n, from, rows, v) -> {
          for (int b = from; b < from + rows; b++) {
            for (int i = 0; i < dim; i++) {
              double s = 0;
              for (int j = 0; j < dim; j++) s += hess[(i * dim + j) * n + b] * lambda[j * n + b];
              v[i * n + b] = s;
            }
          }
        };
    double[] hess = new double[dim * dim * N], v = new double[dim * N];
    double[] fused = new double[mlp.parameterCount()];
    mlp.hessianThenMixed(z, N, hess, f, v, fused);
    double[] hess2 = new double[hess.length], v2 = new double[v.length];
    double[] separate = new double[fused.length];
    mlp.hessian(z, N, hess2);
    f.tangents(hess2, N, 0, N, v2);
    mlp.accumulateMixed(z, v2, N, separate);
    assertSame(spec, hess2, hess);
    assertSame(spec, v2, v);
    // sample-lane tiles combine v's tangent pass from the unit ones: equal to rounding
    assertTrue(relErr(fused, separate, 1e-3) < 1e-13, "fused vs separate mixed derivative");
    assertTrue(java.util.Arrays.stream(fused).anyMatch(x -> x != 0), "the mixed term was added");
  }

  @ParameterizedTest
  @MethodSource("nets")
  void parameterGradientMatchesFiniteDifferences(MlpSpec spec) {
    Mlp mlp = Mlp.create(spec);
    int dim = mlp.dim();
    double[] z = randomStates(dim, N, 6);
    double[] w = randomStates(1, N, 7);
    double[] grad = new double[mlp.parameterCount()];
    java.util.Arrays.fill(grad, 0.25);
    mlp.accumulateParameterGradient(z, w, N, grad);
    double[] theta = mlp.parameters();
    double[] fd = new double[theta.length];
    double h = 1e-5;
    double[] hv = new double[N];
    for (int i = 0; i < theta.length; i++) {
      double t0 = theta[i];
      theta[i] = t0 + h;
      mlp.parametersChanged();
      mlp.value(z, N, hv);
      double up = dot(hv, w);
      theta[i] = t0 - h;
      mlp.parametersChanged();
      mlp.value(z, N, hv);
      double down = dot(hv, w);
      theta[i] = t0;
      fd[i] = 0.25 + (up - down) / (2 * h);
    }
    mlp.parametersChanged();
    assertTrue(relErr(grad, fd, 1e-3) < 1e-8, "∂θH vs FD: " + relErr(grad, fd, 1e-3));
  }

  @ParameterizedTest
  @MethodSource("nets")
  void float32AgreesWithFloat64(MlpSpec spec) {
    Mlp m64 = Mlp.create(spec);
    Mlp m32 = m64.withPrecision(Precision.FLOAT32);
    int dim = m64.dim();
    int n = 37;
    double[] z = randomStates(dim, n, 8);
    double[] v = randomStates(dim, n, 9);
    double tol = 2e-5;
    double[] a = new double[dim * dim * n];
    double[] b = new double[dim * dim * n];
    m64.value(z, n, a);
    m32.value(z, n, b);
    assertTrue(relErr(b, a, 1) < tol, "H f32: " + relErr(b, a, 1));
    m64.gradient(z, n, a);
    m32.gradient(z, n, b);
    assertTrue(relErr(b, a, 1) < tol, "∇H f32: " + relErr(b, a, 1));
    m64.hessianVector(z, v, n, a);
    m32.hessianVector(z, v, n, b);
    assertTrue(relErr(b, a, 1) < tol, "HVP f32: " + relErr(b, a, 1));
    m64.hessian(z, n, a);
    m32.hessian(z, n, b);
    assertTrue(relErr(b, a, 1) < tol, "Hessian f32: " + relErr(b, a, 1));
    double[] p = new double[m64.parameterCount()];
    double[] q = new double[m64.parameterCount()];
    m64.accumulateMixed(z, v, n, p);
    m32.accumulateMixed(z, v, n, q);
    assertTrue(relErr(q, p, 1) < tol, "mixed f32: " + relErr(q, p, 1));
    java.util.Arrays.fill(p, 0);
    java.util.Arrays.fill(q, 0);
    m64.accumulateParameterGradient(z, v, n, p);
    m32.accumulateParameterGradient(z, v, n, q);
    assertTrue(relErr(q, p, 1) < tol, "∂θH f32: " + relErr(q, p, 1));
  }

  /**
   * Fused and separate calls run the same arithmetic: bitwise equal for tanh (pure arithmetic in
   * the kernels). Other activations use the JDK's lanewise EXP/LOG1P/SIN/COS, whose interpreted
   * fallback and compiled SVML code may differ in the last ulp, so those get a 1e-14 tolerance.
   */
  private static void assertSame(MlpSpec spec, double[] expected, double[] actual) {
    if (spec.activation() == Activation.TANH) {
      assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(actual));
    } else {
      assertTrue(relErr(actual, expected, 1e-3) < 1e-14, "fused vs separate");
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < b.length; i++) s += a[i] * b[i];
    return s;
  }
}

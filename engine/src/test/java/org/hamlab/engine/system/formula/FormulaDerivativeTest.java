package org.hamlab.engine.system.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Exact derivatives of every function and operator against central finite differences. */
class FormulaDerivativeTest {

  static Stream<String> formulas() {
    return Stream.of(
        "sin(q*p) + p^2/2",
        "cos(q - 2*p) + q^2",
        "tan(0.3*q + 0.2*p)*p",
        "exp(q*p/2) - q",
        "log(q^2 + p^2 + 1)",
        "sqrt(q^2 + 2*p^2 + 1)",
        "tanh(q*p) + tanh(p)^3",
        "sinh(q/2)*p^2",
        "cosh(p*q/3) + cosh(q)",
        "q/(p^2 + 1) - p/(q^2 + 2)",
        "(q^2 + 1)^1.5*p",
        "(q^2 + 1)^p",
        "2^(q*p) + pi^q",
        "(p^2 + 1)^-3 - -q^5/7",
        "-(q + p)^4/4 + q^3*p^3",
        "exp(sin(q)*cos(p))/sqrt(2 + tanh(q*p))",
        "(p1^2 + p2^2)/2 + log(1 + q1^2*q2^2) + sin(q1*p2)*cosh(q2 - p1)",
        "p1*p2*p3 + q1^2*q2^3*q3^4/(1 + p3^2)");
  }

  @ParameterizedTest
  @MethodSource("formulas")
  void gradientAndHessianMatchFiniteDifferences(String formula) {
    FormulaSystem h = FormulaSystem.parse(formula);
    int n = 23;
    double[] z = FormulaSystemTest.random(h.dim() * n, 11);
    double[] v = FormulaSystemTest.random(h.dim() * n, 12);
    for (Backend backend : Backend.values()) {
      FormulaSystem f = h.with(backend);
      FiniteDifferences.checkGradient(f, z, n, 2e-7);
      FiniteDifferences.checkHessianVector(f, z, v, n, 2e-7);
    }
  }

  /**
   * The three backends evaluate the same program and agree to round-off (the vector backend uses
   * SVML transcendentals and an expm1-based tanh, accurate to a few ulp), over an awkward batch
   * size so that vector tails and interpreter tiles are exercised.
   */
  @ParameterizedTest
  @MethodSource("formulas")
  void backendsAgree(String formula) {
    FormulaSystem h = FormulaSystem.parse(formula);
    int n = Interpreter.TILE * 2 + 7;
    double[] z = FormulaSystemTest.random(h.dim() * n, 21);
    double[] v = FormulaSystemTest.random(h.dim() * n, 22);
    double[][] reference = FormulaSystemTest.evaluate(h.with(Backend.INTERPRETER), z, v, n);
    for (Backend backend : new Backend[] {Backend.VECTOR, Backend.BYTECODE}) {
      double[][] a = FormulaSystemTest.evaluate(h.with(backend), z, v, n);
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a[i].length; j++) {
          assertEquals(reference[i][j], a[i][j], 1e-13 * Math.max(1, Math.abs(reference[i][j])),
              formula + " with " + backend + ", output " + i + " entry " + j);
        }
      }
    }
  }

  /**
   * Without transcendentals the backends do the same IEEE operations in the same order (Java
   * never contracts to FMA), so a row's result is bitwise the same in the vector body, the scalar
   * tail and the interpreter: results do not depend on where a row sits in the batch.
   */
  @Test
  void rationalFormulasAreBitwiseEqualAcrossBackends() {
    FormulaSystem h = FormulaSystem.parse(
        "(p1^2 + p2^2)/2 + (q1^2 + q2^2)/2 + q1^2*q2 - q2^3/3 + q1*p2/(1 + p1^2) + sqrt(1 + q2^2)");
    int n = 67;
    double[] z = FormulaSystemTest.random(h.dim() * n, 31);
    double[] v = FormulaSystemTest.random(h.dim() * n, 32);
    double[][] reference = FormulaSystemTest.evaluate(h.with(Backend.INTERPRETER), z, v, n);
    FormulaSystem hot = h.with(Backend.TIERED);
    hot.tiered().forEach(Tiered::heat);
    for (FormulaSystem f : new FormulaSystem[] {h.with(Backend.VECTOR), h.with(Backend.BYTECODE),
        h.with(Backend.TIERED), hot}) {
      double[][] a = FormulaSystemTest.evaluate(f, z, v, n);
      Backend backend = f.backend();
      for (int i = 0; i < a.length; i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(reference[i], a[i], 0.0,
            backend + " output " + i);
      }
    }
  }

  @Test
  void tieredIsForExactFormulasOnly() {
    assumeTrue(org.hamlab.engine.simd.FormulaVectorCode.available());
    assertEquals(Backend.TIERED, FormulaSystem.parse("sqrt(q^2 + 1)/p^3 - q*p").backend());
    assertEquals(Backend.BYTECODE, FormulaSystem.parse("sin(q) + p^2").backend());
    assertEquals(Backend.BYTECODE, FormulaSystem.parse("q^2.5 + p^2").backend());
    assertEquals(Backend.VECTOR,
        FormulaSystem.parse("sin(q) + p^2").with(Backend.VECTOR).backend());
  }

  /**
   * The background warm-up (run here on the test thread) leaves every routine giving the same
   * results; whether it switches depends on the JIT and is not asserted.
   */
  @Test
  void warmUpChangesNoResult() {
    assumeTrue(org.hamlab.engine.simd.FormulaVectorCode.available());
    FormulaSystem h = FormulaSystem.parse("(p1^2 + p2^2)/2 + q1^2*q2/(1 + q2^2)");
    int n = 101;
    double[] z = FormulaSystemTest.random(h.dim() * n, 41);
    double[] v = FormulaSystemTest.random(h.dim() * n, 42);
    double[][] before = FormulaSystemTest.evaluate(h, z, v, n);
    h.tiered().get(1).warmUp(); // the gradient's
    double[][] after = FormulaSystemTest.evaluate(h, z, v, n);
    for (int i = 0; i < before.length; i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(before[i], after[i], 0.0, "output " + i);
    }
  }

  /** The vector tanh (expm1 based, clamped) against Math.tanh, including large and tiny inputs. */
  @Test
  void vectorTanhIsAccurate() {
    FormulaSystem h = FormulaSystem.parse("tanh(q) + p").with(Backend.VECTOR);
    // 24 inputs: whole vectors for 2, 4 or 8 lanes, so none falls into the scalar tail.
    double[] x = {-800, -40, -20.5, Double.NaN, -19.9, -3, -0.5, -1e-9, -1e-300, 0, 1e-300, 2e-9,
        0.3, 1, 7.5, 19.99, 20.01, 50, 1e308, -0.0, 0.1, 0.7, 2.5, -1.1};
    int n = x.length;
    double[] z = new double[2 * n], out = new double[n];
    System.arraycopy(x, 0, z, 0, n);
    h.value(z, n, out);
    for (int b = 0; b < n; b++) {
      double expected = Math.tanh(x[b]);
      if (Double.isNaN(expected)) {
        assertTrue(Double.isNaN(out[b]), "tanh(NaN) = " + out[b]);
        continue;
      }
      assertEquals(expected, out[b], 4e-16 * Math.abs(expected), "tanh(" + x[b] + ")");
    }
  }

  @Test
  void knownClosedForms() {
    FormulaSystem h = FormulaSystem.parse("sqrt(q) + log(p) + tan(q*p)");
    double q = 0.7, p = 1.3, t = Math.tan(q * p);
    double[] g = h.gradientAt(q, p);
    assertEquals(0.5 / Math.sqrt(q) + p * (1 + t * t), g[0], 1e-14);
    assertEquals(1 / p + q * (1 + t * t), g[1], 1e-14);
    double[] hess = new double[4];
    h.hessian(new double[] {q, p}, 1, hess);
    // d²/dq² sqrt(q) = -q^(-3/2)/4; d²/dq² tan(qp) = 2 p² t (1 + t²)
    assertEquals(-0.25 * Math.pow(q, -1.5) + 2 * p * p * t * (1 + t * t), hess[0], 1e-13);
    assertEquals(-1 / (p * p) + 2 * q * q * t * (1 + t * t), hess[3], 1e-13);
    assertEquals(hess[1], hess[2], 0.0);
  }
}

package org.hamlab.engine.system.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    double[] z = FormulaSystemTest.random(h.dim() * n, 11), v = FormulaSystemTest.random(h.dim() * n, 12);
    for (FormulaSystem f : new FormulaSystem[] {h, h.interpreted()}) {
      FiniteDifferences.checkGradient(f, z, n, 2e-7);
      FiniteDifferences.checkHessianVector(f, z, v, n, 2e-7);
    }
  }

  /** The generated code and the interpreter evaluate the same program: equal to round-off. */
  @ParameterizedTest
  @MethodSource("formulas")
  void backendsAgree(String formula) {
    FormulaSystem h = FormulaSystem.parse(formula);
    int n = Interpreter.TILE * 2 + 5;
    double[] z = FormulaSystemTest.random(h.dim() * n, 21), v = FormulaSystemTest.random(h.dim() * n, 22);
    double[][] a = FormulaSystemTest.evaluate(h, z, v, n);
    double[][] b = FormulaSystemTest.evaluate(h.interpreted(), z, v, n);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        assertEquals(a[i][j], b[i][j], 1e-13 * Math.max(1, Math.abs(a[i][j])), formula);
      }
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

package org.hamlab.engine.system.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hamlab.engine.random.Seeds;
import org.hamlab.engine.simd.FormulaVectorCode;
import org.hamlab.engine.system.CoupledOscillator;
import org.hamlab.engine.system.DoubleWell;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.HenonHeiles;
import org.hamlab.engine.system.ProductQuadratic;
import org.hamlab.engine.system.SpringMass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormulaSystemTest {

  static Stream<Arguments> namedSystems() {
    return Stream.of(
        Arguments.of(new DoubleWell(), FormulaSystem.parse("p^2/2 + q^4/4 - q^2/2")),
        Arguments.of(new CoupledOscillator(0.5),
            FormulaSystem.builder("q^2/2 + p^2/2 + alpha*q*p").parameter("alpha", 0.5).build()),
        Arguments.of(new CoupledOscillator(-1.25),
            FormulaSystem.parse("q^2/2 + p^2/2 + alpha*q*p", Map.of("alpha", -1.25))),
        Arguments.of(new HenonHeiles(),
            FormulaSystem.parse("(p1^2+p2^2)/2 + (q1^2+q2^2)/2 + q1^2*q2 - q2^3/3")),
        Arguments.of(new SpringMass(), FormulaSystem.parse("p^2/2 + q^2/2")),
        Arguments.of(new ProductQuadratic(), FormulaSystem.parse("(q^2+1)*(p^2+1)/2")));
  }

  static double[] random(int length, long index) {
    SplittableRandom r = Seeds.stream(7, "formula-test", index);
    double[] x = new double[length];
    for (int i = 0; i < x.length; i++) x[i] = r.nextDouble(-2, 2);
    return x;
  }

  /** Value, gradient, Hessian-vector product and Hessian agree with the hand-written system. */
  @ParameterizedTest
  @MethodSource("namedSystems")
  void equalsTheNamedSystem(Hamiltonian named, FormulaSystem formula) {
    assertEquals(named.dof(), formula.dof());
    assertEquals(named.separable(), formula.separable(), formula.toString());
    boolean simd = FormulaVectorCode.available();
    assertEquals(simd ? Backend.TIERED : Backend.BYTECODE, formula.backend(),
        "polynomials run as generated code, vector code once warmed up");
    FormulaSystem hot = formula.with(Backend.TIERED);
    hot.tiered().forEach(Tiered::heat);
    compare(named, hot, 37);
    for (Backend backend : Backend.values()) {
      FormulaSystem f = formula.with(backend);
      if (simd || backend == Backend.BYTECODE || backend == Backend.INTERPRETER) {
        assertEquals(backend, f.backend());
      }
      for (int n : new int[] {0, 1, 3, 4, 5, 8, 9, 17, 37, Interpreter.TILE + 3}) {
        compare(named, f, n);
      }
    }
  }

  private static void compare(Hamiltonian named, Hamiltonian f, int n) {
    int dim = named.dim();
    double[] z = random(dim * n, n), v = random(dim * n, n + 1);
    double[][] expected = evaluate(named, z, v, n), actual = evaluate(f, z, v, n);
    String[] what = {"value", "gradient", "Hessian-vector product", "Hessian"};
    for (int i = 0; i < what.length; i++) {
      assertEquals(expected[i].length, actual[i].length);
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], actual[i][j], 1e-12 * Math.max(1, Math.abs(expected[i][j])),
            f + ": " + what[i] + " entry " + j + " (n = " + n + ")");
      }
    }
  }

  static double[][] evaluate(Hamiltonian h, double[] z, double[] v, int n) {
    int dim = h.dim();
    double[] value = new double[n], g = new double[dim * n], hv = new double[dim * n];
    double[] hess = new double[dim * dim * n];
    h.value(z, n, value);
    h.gradient(z, n, g);
    h.hessianVector(z, v, n, hv);
    h.hessian(z, n, hess);
    return new double[][] {value, g, hv, hess};
  }

  @Test
  void separabilityIsDetected() {
    String[] separable = {"p^2/2 + q^4/4 - q^2/2", "cosh(p) + log(q^2 + 1)", "p1*p2 + q1*q2 + q3",
        "(p1^2 + p2^2)/2 - 1/sqrt(q1^2 + q2^2)", "q*p - p*q + p^2", "exp(p)^2 + tan(q)"};
    String[] mixed = {"q*p", "(q^2+1)*(p^2+1)/2", "q^2/2 + p^2/2 + 0.5*q*p", "sin(q + p)",
        "p1^2 + q2*p1", "exp(q)*p", "p^2/(2*(1 + q^2))", "q^p"};
    for (String f : separable) assertTrue(FormulaSystem.parse(f).separable(), f);
    for (String f : mixed) assertFalse(FormulaSystem.parse(f).separable(), f);
  }

  @Test
  void aVanishingMixedParameterIsSeparable() {
    String f = "q^2/2 + p^2/2 + alpha*q*p";
    assertTrue(FormulaSystem.parse(f, Map.of("alpha", 0.0)).separable());
    assertFalse(FormulaSystem.parse(f, Map.of("alpha", 0.1)).separable());
  }

  @Test
  void nameIsTheNormalisedFormula() {
    assertEquals("p^2/2 + q^4/4 - q^2/2", FormulaSystem.parse("p ^ 2 / 2+q^4/4-q^2/2").name());
    assertEquals("(q1 + q2)*p1 - -p2 + q2^-1",
        FormulaSystem.parse("((q1+q2))*p1-(-p2)+q2^(-1)").name());
    assertEquals("-q^2 + (-p)^2 + 2^3^q", FormulaSystem.parse("-(q^2)+(-p)^2+2^(3^q)").name());
    assertEquals("(2^3)^q + q/(p*2) + q/p*2",
        FormulaSystem.parse("(2^3)^q+q/(p*2)+(q/p)*2").name());
    FormulaSystem co =
        FormulaSystem.builder("q^2/2+p^2/2+alpha*q*p").parameter("alpha", 0.5).build();
    assertEquals("q^2/2 + p^2/2 + alpha*q*p", co.name());
    assertEquals("H = q^2/2 + p^2/2 + alpha*q*p with alpha = 0.5 (d = 1, not separable)",
        co.toString());
    assertEquals(Map.of("alpha", 0.5), co.parameters());
  }

  /** Printing then re-parsing gives the same function (the printer's parentheses are right). */
  @Test
  void normalisedTextParsesToTheSameFunction() {
    String[] formulas = {"-(q^2)+(-p)^2", "2^(3^q)*p", "(2^3)^(q/4)*p", "q/(p*2)+(q/p)*2",
        "q-(p-q)-(q+p)", "-(-q)*-p", "q^-(p)", "(q-p)^2/(1+p^2)^-1"};
    for (String text : formulas) {
      FormulaSystem a = FormulaSystem.parse(text), b = FormulaSystem.parse(a.name());
      assertEquals(a.name(), b.name());
      double[] z = random(2 * 9, 99);
      for (int i = 0; i < 9; i++) z[i] = Math.abs(z[i]) + 0.1;
      double[] va = new double[9], vb = new double[9];
      a.value(z, 9, va);
      b.value(z, 9, vb);
      for (int i = 0; i < 9; i++) assertEquals(va[i], vb[i], 1e-14, text + " -> " + a.name());
    }
  }

  @Test
  void precedenceIsAsDocumented() {
    assertEquals(-4.0, FormulaSystem.parse("-q^2 + 0*p").valueAt(2, 0), 0.0);
    assertEquals(256.0, FormulaSystem.parse("q^2^3 + 0*p").valueAt(2, 0), 0.0);
    assertEquals(0.25, FormulaSystem.parse("q^-2 + 0*p").valueAt(2, 0), 0.0);
    assertEquals(6.0, FormulaSystem.parse("q/2*p").valueAt(4, 3), 0.0);
    assertEquals(1.0, FormulaSystem.parse("q - p - 1").valueAt(4, 2), 0.0);
    assertEquals(1e-3 + 0.5, FormulaSystem.parse("1e-3*q + .5*p").valueAt(1, 1), 0.0);
    assertEquals(Math.PI, FormulaSystem.parse("pi*q + p − p").valueAt(1, 7), 0.0);
  }

  @Test
  void dimensionIsTheHighestIndex() {
    FormulaSystem f = FormulaSystem.parse("p3^2/2 + q1");
    assertEquals(3, f.dof());
    assertEquals(6, f.dim());
    double[] g = f.gradientAt(1, 2, 3, 4, 5, 6);
    assertEquals(1.0, g[0], 0.0);
    assertEquals(0.0, g[1], 0.0);
    assertEquals(6.0, g[5], 0.0);
  }

  @Test
  void parametersAreChecked() {
    String f = "q^2/2 + p^2/2 + alpha*q*p";
    var unused = assertThrows(IllegalArgumentException.class,
        () -> FormulaSystem.parse(f, Map.of("alpha", 0.5, "beta", 1.0)));
    assertTrue(unused.getMessage().contains("beta"), unused.getMessage());
    for (String bad : new String[] {"q", "p2", "sin", "pi", "2x", ""}) {
      var e = assertThrows(IllegalArgumentException.class,
          () -> FormulaSystem.builder(f).parameter(bad, 1.0), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    var nan = assertThrows(IllegalArgumentException.class,
        () -> FormulaSystem.builder(f).parameter("alpha", Double.NaN));
    assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    java.util.Map<String, Double> withNull = new java.util.HashMap<>();
    withNull.put("alpha", null);
    var isNull =
        assertThrows(IllegalArgumentException.class, () -> FormulaSystem.parse(f, withNull));
    assertTrue(isNull.getMessage().contains("'alpha' is null"), isNull.getMessage());
  }

  @Test
  void equalityIsByFormulaAndParameters() {
    String f = "q^2/2 + p^2/2 + alpha*q*p";
    assertEquals(FormulaSystem.parse(f, Map.of("alpha", 0.5)),
        FormulaSystem.parse("q^2/2+p^2/2+alpha*q*p", Map.of("alpha", 0.5)));
    assertNotEquals(FormulaSystem.parse(f, Map.of("alpha", 0.5)),
        FormulaSystem.parse(f, Map.of("alpha", 0.25)));
  }

  @Test
  void shortArraysAreRefused() {
    FormulaSystem f = FormulaSystem.parse("p^2/2 + q^2/2");
    var e = assertThrows(IllegalArgumentException.class,
        () -> f.gradient(new double[10], 5, new double[9]));
    assertTrue(e.getMessage().contains("out has length 9 but 10"), e.getMessage());
  }

  /**
   * Two threads evaluating the same system on different batches get the sequential results; the
   * system is fresh, so they also race for the routines compiled on first use.
   */
  @Test
  void threadSafe() throws Exception {
    String formula = "(p1^2+p2^2)/2 + sin(q1)*cosh(q2) + exp(-q1^2*q2^2)*p1*p2";
    for (Backend backend : Backend.values()) {
      FormulaSystem reference = FormulaSystem.parse(formula).with(backend);
      FormulaSystem shared = FormulaSystem.parse(formula).with(backend);
      int n = 301, rounds = 40;
      double[][] zs = {random(4 * n, 1), random(4 * n, 2)};
      double[][] vs = {random(4 * n, 3), random(4 * n, 4)};
      double[][][] expected =
          {evaluate(reference, zs[0], vs[0], n), evaluate(reference, zs[1], vs[1], n)};
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        Future<?>[] futures = new Future<?>[2];
        for (int t = 0; t < 2; t++) {
          int which = t;
          futures[t] = pool.submit((Callable<Void>) () -> {
            start.await();
            for (int round = 0; round < rounds; round++) {
              double[][] got = evaluate(shared, zs[which], vs[which], n);
              for (int i = 0; i < got.length; i++) {
                if (!java.util.Arrays.equals(got[i], expected[which][i])) {
                  throw new AssertionError(backend + ": thread " + which + " round " + round
                      + " output " + i + " differs from the sequential result");
                }
              }
            }
            return null;
          });
        }
        for (Future<?> future : futures) future.get();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** A formula whose derivatives are too large for one JIT-compiled method uses the interpreter. */
  @Test
  void largeFormulasFallBackToTheInterpreter() {
    StringBuilder s = new StringBuilder("p1^2/2");
    for (int i = 1; i <= 40; i++) {
      s.append(" + sin(q").append(i).append("*q").append(i % 40 + 1).append(")*p").append(i);
    }
    FormulaSystem big = FormulaSystem.parse(s.toString());
    assertEquals(Backend.INTERPRETER, big.backend());
    int n = 5;
    double[] z = random(big.dim() * n, 5), v = random(big.dim() * n, 6);
    double[] g = new double[big.dim() * n], hv = new double[big.dim() * n];
    big.gradient(z, n, g);
    big.hessianVector(z, v, n, hv);
    // dH/dp40 = sin(q40*q1) (and dH/dp1 = p1 + sin(q1*q2))
    assertEquals(Math.sin(z[39 * n + 2] * z[2]), g[(40 + 39) * n + 2], 1e-15);
    assertEquals(z[40 * n + 2] + Math.sin(z[2] * z[n + 2]), g[40 * n + 2], 1e-15);
    FiniteDifferences.checkHessianVector(big, z, v, n, 1e-6);
  }
}

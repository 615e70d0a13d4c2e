package org.hamlab.engine.system.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed formulas fail with a message that shows the position and what was expected. */
class FormulaErrorTest {

  /** Formula, 0-based position of the caret, and text the message must contain. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p^2/2 +  | 7 | expected a number, variable, parameter, function call or '(' after '+', found the end of the formula",
      "p^^2     | 2 | expected a number, variable, parameter, function call or '(' after '^', found '^'",
      "sin(q    | 5 | expected ')' to close the '(' at column 4, found the end of the formula",
      "q + x    | 4 | unknown name 'x': not a variable (the variables are q, p)",
      "foo(q)   | 0 | unknown function 'foo'; supported functions: sin, cos, tan, exp, log, sqrt, tanh, sinh, cosh",
      "2 q      | 2 | expected an operator (+ - * / ^) or the end of the formula, found 'q'; write '*' for a product",
      "q1 + p1 + x + y2 | 10 | unknown names 'x', 'y2': not a variable (the variables are q1, p1)",
      "q + q1   | 4 | cannot mix 'q' with numbered variables such as 'q1'",
      "p1 + q   | 5 | cannot mix 'q' with numbered variables such as 'p1'",
      "q0 + p   | 0 | indices start at 1",
      "p**2     | 2 | write '^' for a power",
      "q + p)   | 5 | this ')' has no matching '('",
      "(q + p   | 6 | expected ')' to close the '(' at column 1",
      "q*/p     | 2 | after '*', found '/'",
      "1e+ * q  | 3 | expected the digits of the exponent after '1e+'",
      "sin q    | 4 | expected '(' after function 'sin', found 'q'",
      "q + . * p | 4 | expected digits in the number after '.'",
      "q + p,   | 5 | expected an operator (+ - * / ^) or the end of the formula, found ','",
      "q @ p    | 2 | found '@'",
      "3 + 4    | 0 | the formula uses no variable"})
  void malformedFormula(String formula, int position, String expected) {
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaSystem.parse(formula));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(position, e.position(), e.getMessage());
    assertCaretAt(e, formula, position);
  }

  @Test
  void emptyFormula() {
    for (String empty : new String[] {"", "   "}) {
      FormulaException e = assertThrows(FormulaException.class, () -> FormulaSystem.parse(empty));
      assertTrue(e.getMessage().startsWith("empty formula: expected an expression"), e.getMessage());
      assertCaretAt(e, empty, 0);
    }
  }

  @Test
  void parameterWithoutValue() {
    String formula = "q^2/2 + p^2/2 + alpha*q*p";
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaSystem.parse(formula));
    assertTrue(e.getMessage().contains("unknown name 'alpha'"), e.getMessage());
    assertTrue(e.getMessage().contains("no value was given for a parameter of that name"
        + " (parameters given: none)"), e.getMessage());
    assertTrue(e.getMessage().contains(".parameter(\"alpha\", value)"), e.getMessage());
    assertCaretAt(e, formula, 16);
    FormulaException other = assertThrows(FormulaException.class,
        () -> FormulaSystem.builder(formula + " + beta").parameter("alpha", 1).build());
    assertTrue(other.getMessage().contains("unknown name 'beta'"), other.getMessage());
    assertTrue(other.getMessage().contains("(parameters given: alpha)"), other.getMessage());
  }

  @Test
  void deepNestingIsRefusedAndLongSumsWork() {
    int depth = 50_000;
    String deep = "(".repeat(depth) + "q" + ")".repeat(depth) + " + p";
    FormulaException e = assertThrows(FormulaException.class, () -> FormulaSystem.parse(deep));
    assertTrue(e.getMessage().startsWith("the formula is nested too deeply"), e.getMessage()
        .substring(0, 200));
    StringBuilder sum = new StringBuilder("p^2/2");
    for (int k = 1; k <= 500; k++) sum.append(" + q^2/").append(k + 1);
    FormulaSystem h = FormulaSystem.parse(sum.toString());
    double expected = 0.5 * 0.3 * 0.3;
    for (int k = 1; k <= 500; k++) expected += 0.2 * 0.2 / (k + 1);
    assertEquals(expected, h.valueAt(0.2, 0.3), 1e-13);
  }

  @Test
  void nullFormula() {
    var e = assertThrows(IllegalArgumentException.class, () -> FormulaSystem.parse(null));
    assertTrue(e.getMessage().contains("formula is null"), e.getMessage());
  }

  /** The message ends with the formula and a line with a caret under character {@code position}. */
  private static void assertCaretAt(FormulaException e, String formula, int position) {
    String[] lines = e.getMessage().split("\n", -1);
    assertEquals("  " + formula, lines[lines.length - 2], e.getMessage());
    assertEquals("  " + " ".repeat(position) + "^", lines[lines.length - 1], e.getMessage());
    assertTrue(lines[0].contains("(column " + (position + 1) + ")"), e.getMessage());
  }
}

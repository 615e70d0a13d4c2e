package org.hamlab.engine.system.formula;

/**
 * A formula that cannot be turned into a Hamiltonian. The message states what was wrong and what
 * was expected, and shows the formula with a caret under the offending character, e.g.
 *
 * <pre>
 * expected a number, variable, parameter, function or '(' after '+', found the end of the formula
 * (column 8):
 *   p^2/2 +
 *          ^
 * </pre>
 */
public final class FormulaException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String formula;
  private final int position;

  FormulaException(String formula, int position, String problem) {
    super(format(formula, position, problem));
    this.formula = formula;
    this.position = position;
  }

  /** The formula as given. */
  public String formula() {
    return formula;
  }

  /** 0-based index of the offending character in {@link #formula()}; its length at the end. */
  public int position() {
    return position;
  }

  private static String format(String formula, int position, String problem) {
    String shown = formula.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    return problem + " (column " + (position + 1) + "):\n  " + shown + "\n  "
        + " ".repeat(Math.max(0, position)) + "^";
  }
}

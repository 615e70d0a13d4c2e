package org.hamlab.engine.system.formula;

/**
 * Recursive-descent parser from formula text to {@link Syntax}. Grammar, loosest first:
 *
 * <pre>
 * sum     = product { ("+" | "-") product }          left-associative
 * product = unary { ("*" | "/") unary }              left-associative
 * unary   = ("-" | "+") unary | power                so -q^2 = -(q^2)
 * power   = atom [ "^" unary ]                       right-associative: q^2^3 = q^(2^3), q^-1 ok
 * atom    = number | name | function "(" sum ")" | "(" sum ")"
 * number  = digits ["." digits] [("e"|"E") ["+"|"-"] digits]  |  "." digits [exponent]
 * name    = letter { letter | digit | "_" }
 * </pre>
 *
 * The Unicode minus sign (U+2212) is read as "-". Juxtaposition ({@code 2 q}) is not a product.
 */
final class Parser {
  private static final String OPERAND =
      "a number, variable, parameter, function call or '('";

  private final String text;
  private int pos;

  private Parser(String text) {
    this.text = text;
  }

  static Syntax parse(String formula) {
    if (formula == null) {
      throw new IllegalArgumentException("formula is null; give e.g. \"p^2/2 + q^2/2\"");
    }
    Parser p = new Parser(formula);
    p.skipSpace();
    if (p.pos == formula.length()) {
      throw new FormulaException(formula, 0,
          "empty formula: expected an expression in q, p (or q1..qd, p1..pd) such as "
              + "p^2/2 + q^2/2");
    }
    Syntax s = p.sum();
    p.skipSpace();
    if (p.pos < formula.length()) {
      char c = formula.charAt(p.pos);
      String hint = Character.isLetterOrDigit(c) || c == '(' || c == '.'
          ? "; write '*' for a product, e.g. 2*q"
          : c == ')' ? "; this ')' has no matching '('" : "";
      throw new FormulaException(formula, p.pos,
          "expected an operator (+ - * / ^) or the end of the formula, found " + p.describe(p.pos)
              + hint);
    }
    return s;
  }

  private Syntax sum() {
    Syntax left = product();
    while (true) {
      int at = peekOperator();
      if (at < 0 || !(isMinus(text.charAt(at)) || text.charAt(at) == '+')) return left;
      char op = isMinus(text.charAt(at)) ? '-' : '+';
      pos = at + 1;
      left = new Syntax.Binary(at, op, left, operand(op, this::product));
    }
  }

  private Syntax product() {
    Syntax left = unary();
    while (true) {
      int at = peekOperator();
      if (at < 0 || (text.charAt(at) != '*' && text.charAt(at) != '/')) return left;
      char op = text.charAt(at);
      pos = at + 1;
      if (op == '*' && pos < text.length() && text.charAt(pos) == '*') {
        throw new FormulaException(text, pos, "found '**': write '^' for a power, e.g. q^2");
      }
      left = new Syntax.Binary(at, op, left, operand(op, this::unary));
    }
  }

  private Syntax unary() {
    skipSpace();
    if (pos < text.length() && (isMinus(text.charAt(pos)) || text.charAt(pos) == '+')) {
      int at = pos;
      char op = isMinus(text.charAt(pos)) ? '-' : '+';
      pos++;
      Syntax operand = operand(op, this::unary);
      return op == '-' ? new Syntax.Neg(at, operand) : operand;
    }
    return power();
  }

  private Syntax power() {
    Syntax base = atom();
    int at = peekOperator();
    if (at < 0 || text.charAt(at) != '^') return base;
    pos = at + 1;
    return new Syntax.Binary(at, '^', base, operand('^', this::unary));
  }

  /** Parses the operand after operator {@code op}, with a clear message when there is none. */
  private Syntax operand(char op, java.util.function.Supplier<Syntax> rule) {
    skipSpace();
    if (pos == text.length() || "*/^)".indexOf(text.charAt(pos)) >= 0) {
      throw new FormulaException(text, pos,
          "expected " + OPERAND + " after '" + op + "', found " + describe(pos));
    }
    return rule.get();
  }

  private Syntax atom() {
    skipSpace();
    if (pos == text.length()) {
      throw new FormulaException(text, pos, "expected " + OPERAND + ", found " + describe(pos));
    }
    char c = text.charAt(pos);
    int start = pos;
    if (Character.isDigit(c) || c == '.') return number();
    if (Character.isLetter(c) || c == '_') {
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      String name = text.substring(start, pos);
      skipSpace();
      if (pos < text.length() && text.charAt(pos) == '(') {
        Function f = Function.bySymbol(name);
        if (f == null) {
          throw new FormulaException(text, start, "unknown function '" + name
              + "'; supported functions: " + String.join(", ", Function.symbols()));
        }
        int open = pos++;
        Syntax argument = sum();
        expectClose(open);
        return new Syntax.Call(start, f, argument);
      }
      if (Function.bySymbol(name) != null) {
        throw new FormulaException(text, pos,
            "expected '(' after function '" + name + "', found " + describe(pos)
                + "; write e.g. " + name + "(q)");
      }
      return new Syntax.Name(start, name);
    }
    if (c == '(') {
      pos++;
      Syntax inner = sum();
      expectClose(start);
      return inner;
    }
    throw new FormulaException(text, pos, "expected " + OPERAND + ", found " + describe(pos));
  }

  private void expectClose(int open) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == ')') {
      pos++;
      return;
    }
    throw new FormulaException(text, pos, "expected ')' to close the '(' at column " + (open + 1)
        + ", found " + describe(pos));
  }

  private Syntax number() {
    int start = pos;
    digits();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos - start == 1 && text.charAt(start) == '.') {
      throw new FormulaException(text, start, "expected digits in the number after '.', found "
          + describe(pos));
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || isMinus(text.charAt(pos)))) pos++;
      if (pos == text.length() || !Character.isDigit(text.charAt(pos))) {
        throw new FormulaException(text, pos,
            "expected the digits of the exponent after '" + text.substring(start, pos)
                + "', found " + describe(pos) + " (numbers look like 1e-3)");
      }
      digits();
    }
    String literal = text.substring(start, pos).replace('\u2212', '-');
    return new Syntax.Num(start, Double.parseDouble(literal), literal);
  }

  private void digits() {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
  }

  /** Index of the next non-space character if it is an operator, else -1; does not consume it. */
  private int peekOperator() {
    skipSpace();
    if (pos < text.length() && "+-*/^\u2212".indexOf(text.charAt(pos)) >= 0) return pos;
    return -1;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private static boolean isMinus(char c) {
    return c == '-' || c == '\u2212';
  }

  private String describe(int at) {
    if (at >= text.length()) return "the end of the formula";
    return "'" + text.charAt(at) + "'";
  }
}

package org.hamlab.engine.system.formula;

/**
 * The parse tree of a formula, as the user wrote it (before any simplification). Every node keeps
 * the 0-based position of its first character so that later errors can point at it.
 */
sealed interface Syntax {

  int position();

  /** A literal such as {@code 2}, {@code .5} or {@code 1e-3}; {@code text} as written. */
  record Num(int position, double value, String text) implements Syntax {}

  /** A variable ({@code q}, {@code p2}), a parameter ({@code alpha}) or the constant {@code pi}. */
  record Name(int position, String name) implements Syntax {}

  /** Unary minus. */
  record Neg(int position, Syntax operand) implements Syntax {}

  /** {@code op} is one of {@code + - * / ^}. */
  record Binary(int position, char op, Syntax left, Syntax right) implements Syntax {}

  /** A call of one of the {@link Function}s. */
  record Call(int position, Function function, Syntax argument) implements Syntax {}

  /** Normalised text: single spaces around + and -, none elsewhere, minimal parentheses. */
  static String print(Syntax s) {
    StringBuilder out = new StringBuilder();
    print(s, out);
    return out.toString();
  }

  private static void print(Syntax s, StringBuilder out) {
    switch (s) {
      case Num n -> out.append(n.text());
      case Name n -> out.append(n.name());
      case Neg n -> {
        out.append('-');
        wrap(n.operand(), out, level(n.operand()) < 3);
      }
      case Call c -> {
        out.append(c.function().symbol()).append('(');
        print(c.argument(), out);
        out.append(')');
      }
      case Binary b -> {
        int own = level(b);
        // Left operand: same level is fine (left-associative), except for ^ (right-associative).
        wrap(b.left(), out, b.op() == '^' ? level(b.left()) <= own : level(b.left()) < own);
        out.append(b.op() == '+' || b.op() == '-' ? " " + b.op() + " " : String.valueOf(b.op()));
        // Right operand: needs parentheses at the same level for - and /, and below ^ for ^.
        boolean right = b.op() == '^' ? level(b.right()) < own && !(b.right() instanceof Neg)
            : b.op() == '-' || b.op() == '/' ? level(b.right()) <= own : level(b.right()) < own;
        wrap(b.right(), out, right);
      }
    }
  }

  private static void wrap(Syntax s, StringBuilder out, boolean parens) {
    if (parens) out.append('(');
    print(s, out);
    if (parens) out.append(')');
  }

  /** Binding strength: 1 for + -, 2 for * /, 3 for unary minus, 4 for ^, 5 for atoms. */
  private static int level(Syntax s) {
    return switch (s) {
      case Binary b -> switch (b.op()) {
        case '+', '-' -> 1;
        case '*', '/' -> 2;
        default -> 4;
      };
      case Neg n -> 3;
      case Num n -> n.text().startsWith("-") ? 3 : 5;
      default -> 5;
    };
  }
}

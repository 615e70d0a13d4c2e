package org.hamlab.engine.system.formula;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the names of a parsed formula: variables {@code q, p} (one degree of freedom) or
 * {@code q1..qd, p1..pd} (d = the highest index used), parameters with given values, and the
 * constant {@code pi}. Then translates the parse tree into a {@link Graph}, with state component
 * {@code q_i} at index i−1 and {@code p_i} at index d+i−1 (the state layout).
 */
final class Symbols {
  private static final Pattern VARIABLE = Pattern.compile("([qp])([0-9]*)");

  /** Largest d accepted; the full Hessian has (2d)² entries per row. */
  static final int MAX_DOF = 100;

  private final String formula;
  private final Map<String, Double> parameters;
  private final int dof;
  private final boolean indexed;

  private Symbols(String formula, Map<String, Double> parameters, int dof, boolean indexed) {
    this.formula = formula;
    this.parameters = parameters;
    this.dof = dof;
    this.indexed = indexed;
  }

  int dof() {
    return dof;
  }

  /** Checks every name in {@code tree}; a {@link FormulaException} names the first problem. */
  static Symbols resolve(String formula, Syntax tree, Map<String, Double> parameters) {
    List<Syntax.Name> names = new ArrayList<>();
    collect(tree, names);
    Syntax.Name plain = null, numbered = null;
    int dof = 0;
    Map<String, Syntax.Name> unknown = new LinkedHashMap<>();
    for (Syntax.Name n : names) {
      Matcher m = VARIABLE.matcher(n.name());
      if (m.matches()) {
        if (m.group(2).isEmpty()) {
          if (plain == null) plain = n;
          dof = Math.max(dof, 1);
        } else {
          if (m.group(2).startsWith("0")) {
            throw new FormulaException(formula, n.position(), "variable '" + n.name()
                + "': indices start at 1 and have no leading zeros (q1..qd, p1..pd)");
          }
          if (m.group(2).length() > 3 || Integer.parseInt(m.group(2)) > MAX_DOF) {
            throw new FormulaException(formula, n.position(), "variable '" + n.name()
                + "': at most " + MAX_DOF + " degrees of freedom are supported");
          }
          if (numbered == null) numbered = n;
          dof = Math.max(dof, Integer.parseInt(m.group(2)));
        }
      } else if (!n.name().equals("pi") && !parameters.containsKey(n.name())) {
        unknown.putIfAbsent(n.name(), n);
      }
    }
    if (plain != null && numbered != null) {
      Syntax.Name later = plain.position() > numbered.position() ? plain : numbered;
      throw new FormulaException(formula, later.position(), "cannot mix '" + plain.name()
          + "' with numbered variables such as '" + numbered.name() + "': write q and p for one "
          + "degree of freedom, or q1..qd and p1..pd for d degrees of freedom");
    }
    Symbols symbols = new Symbols(formula, parameters, dof, numbered != null);
    if (!unknown.isEmpty()) {
      Syntax.Name first = unknown.values().iterator().next();
      String list = String.join(", ", unknown.keySet().stream().map(s -> "'" + s + "'").toList());
      throw new FormulaException(formula, first.position(), "unknown name" + (unknown.size() > 1
          ? "s " : " ") + list + ": not a variable (the variables are " + symbols.variables()
          + ") and no value was given for a parameter of that name (parameters given: "
          + (parameters.isEmpty() ? "none" : String.join(", ", new TreeMap<>(parameters).keySet()))
          + "); give parameter values with FormulaSystem.builder(formula).parameter(\""
          + first.name() + "\", value)");
    }
    if (dof == 0) {
      throw new FormulaException(formula, 0, "the formula uses no variable: H must depend on q and"
          + " p (one degree of freedom) or on q1..qd, p1..pd");
    }
    List<String> unused = new ArrayList<>();
    for (String given : new TreeMap<>(parameters).keySet()) {
      if (names.stream().noneMatch(n -> n.name().equals(given))) unused.add(given);
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException("parameter" + (unused.size() > 1 ? "s " : " ")
          + String.join(", ", unused) + " given but not used in the formula \"" + formula
          + "\"; remove it or check its spelling");
    }
    return symbols;
  }

  /** Checks a parameter name and value before any formula is seen. */
  static void checkParameter(String name, double value) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("parameter name must be an identifier (a letter or '_', "
          + "then letters, digits or '_'), got " + (name == null ? "null" : "'" + name + "'"));
    }
    if (VARIABLE.matcher(name).matches() || name.equals("pi") || Function.bySymbol(name) != null) {
      throw new IllegalArgumentException("'" + name + "' cannot be a parameter: it is a variable, "
          + "the constant pi or a function; choose another name such as alpha");
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("parameter '" + name + "' must be finite, got " + value);
    }
  }

  /** Human-readable list of the variables, e.g. {@code "q, p"} or {@code "q1..q2, p1..p2"}. */
  String variables() {
    if (dof == 0) return "q, p, or q1..qd, p1..pd";
    if (!indexed) return "q, p";
    return dof == 1 ? "q1, p1" : "q1..q" + dof + ", p1..p" + dof;
  }

  Node translate(Syntax s, Graph g) {
    return switch (s) {
      case Syntax.Num n -> g.constant(n.value());
      case Syntax.Name n -> name(n, g);
      case Syntax.Neg n -> g.neg(translate(n.operand(), g));
      case Syntax.Call c -> g.call(c.function(), translate(c.argument(), g));
      case Syntax.Binary b -> {
        Node x = translate(b.left(), g), y = translate(b.right(), g);
        yield switch (b.op()) {
          case '+' -> g.add(x, y);
          case '-' -> g.sub(x, y);
          case '*' -> g.mul(x, y);
          case '/' -> g.div(x, y);
          case '^' -> g.pow(x, y);
          default -> throw new IllegalStateException("operator " + b.op());
        };
      }
    };
  }

  private Node name(Syntax.Name n, Graph g) {
    Matcher m = VARIABLE.matcher(n.name());
    if (m.matches()) {
      int i = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
      return g.variable(m.group(1).equals("q") ? i - 1 : dof + i - 1);
    }
    if (n.name().equals("pi")) return g.constant(Math.PI);
    Double value = parameters.get(n.name());
    if (value == null) throw new FormulaException(formula, n.position(), "unknown " + n.name());
    return g.constant(value);
  }

  private static void collect(Syntax s, List<Syntax.Name> out) {
    switch (s) {
      case Syntax.Name n -> out.add(n);
      case Syntax.Neg n -> collect(n.operand(), out);
      case Syntax.Call c -> collect(c.argument(), out);
      case Syntax.Binary b -> {
        collect(b.left(), out);
        collect(b.right(), out);
      }
      case Syntax.Num n -> { }
    }
  }
}

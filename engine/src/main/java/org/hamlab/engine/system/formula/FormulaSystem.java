package org.hamlab.engine.system.formula;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hamlab.engine.system.Hamiltonian;

/**
 * A Hamiltonian given by a formula, e.g. {@code p^2/2 + q^4/4 - q^2/2}, with exact first and
 * second derivatives (symbolic differentiation, paper.md §2 for the named systems it reproduces).
 *
 * <p><b>Syntax.</b> Numbers ({@code 2}, {@code .5}, {@code 1e-3}), {@code + - * / ^}, unary minus,
 * parentheses, the functions {@code sin cos tan exp log sqrt tanh sinh cosh}, the constant
 * {@code pi}, named parameters with values, and the variables {@code q, p} (one degree of freedom)
 * or {@code q1..qd, p1..pd} (d = the highest index used; the two styles cannot be mixed).
 * Precedence, loosest first: {@code + -} (left-assoc.), {@code * /} (left-assoc.), unary minus,
 * {@code ^} (right-assoc.). So {@code -q^2 = -(q^2)}, {@code q^2^3 = q^(2^3)},
 * {@code 2^-q = 2^(-q)} and {@code a/b*c = (a/b)*c}. A product needs {@code *}: {@code 2 q} is an
 * error.
 *
 * <p><b>Evaluation.</b> The formula, its gradient, its Hessian-vector product and its Hessian are
 * each simplified, shared (common subexpressions computed once) and compiled to one straight-line
 * loop over the batch: generated Vector API code ({@link
 * org.hamlab.engine.simd.FormulaVectorCode}) with a generated scalar loop for the tail rows, so a
 * formula runs at the speed of a hand-written vectorised system (see {@link #BACKEND_PROPERTY}).
 * Value and gradient are compiled by {@code parse}; the Hessian-vector product and the Hessian on
 * first use (a few milliseconds each). All arrays are in the state layout of {@link Hamiltonian}: {@code z[k*n + b]} with
 * components {@code q_1..q_d, p_1..p_d}.
 *
 * <p><b>Separability.</b> {@link #separable()} is true when, after simplification, ∂H/∂q depends
 * on q only and ∂H/∂p on p only (∂²H/∂q∂p ≡ 0), i.e. H = T(p) + V(q). Detection is symbolic and
 * conservative: a formula whose mixed terms cancel only after expansion, such as
 * {@code (q+p)^2 - 2*q*p}, is reported as not separable.
 *
 * <p>Immutable and thread-safe. Errors in a formula are {@link FormulaException}s showing the
 * position and what was expected.
 */
public final class FormulaSystem implements Hamiltonian {

  /**
   * System property choosing how formulas are evaluated: {@code vector} (default: generated Vector
   * API code; falls back to {@code bytecode} when the module is absent), {@code bytecode}
   * (generated scalar code) or {@code interpreter} (column-wise over tiles). Very large formulas
   * always use the interpreter, because HotSpot does not compile huge methods.
   */
  public static final String BACKEND_PROPERTY = Backend.PROPERTY;

  private final String formula;
  private final Map<String, Double> parameters;
  private final int dof;
  private final boolean separable;
  private final Routine value;
  private final Routine gradient;
  private final Routine hessianVector;
  private final Routine hessian;

  private FormulaSystem(String formula, Map<String, Double> parameters, Backend preferred) {
    try {
      Syntax tree = Parser.parse(formula);
      Symbols symbols = Symbols.resolve(formula, tree, parameters);
      this.formula = Syntax.print(tree);
      this.parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
      this.dof = symbols.dof();
      int dim = 2 * dof;

      Graph g = new Graph();
      Node h = symbols.translate(tree, g);
      Node[] grad = new Node[dim];
      for (int k = 0; k < dim; k++) grad[k] = g.derivative(h, k);
      Node[][] hess = new Node[dim][dim];
      for (int i = 0; i < dim; i++) {
        for (int j = i; j < dim; j++) hess[i][j] = hess[j][i] = g.derivative(grad[i], j);
      }
      List<Node> hv = new ArrayList<>(dim);
      for (int i = 0; i < dim; i++) {
        Node sum = g.zero;
        for (int j = 0; j < dim; j++) sum = g.add(sum, g.mul(hess[i][j], g.variable(dim + j)));
        hv.add(sum);
      }
      this.separable = separable(grad, dof);

      List<Node> hessianOutputs = new ArrayList<>(dim * dim);
      for (Node[] row : hess) for (Node entry : row) hessianOutputs.add(entry);
      // Value and gradient are compiled now; the Hessian-vector product and Hessian on first use.
      Routine[] r = new Routine[4];
      List<List<Node>> outputs = List.of(List.of(h), List.of(grad), hv, hessianOutputs);
      for (int i = 0; i < 4; i++) {
        Program program = Program.of(dim, outputs.get(i).stream().map(g::lower).toList());
        r[i] = i < 2 ? preferred.compile(program) : preferred.deferred(program);
      }
      this.value = r[0];
      this.gradient = r[1];
      this.hessianVector = r[2];
      this.hessian = r[3];
    } catch (StackOverflowError e) {
      throw new FormulaException(formula, 0, "the formula is nested too deeply (or is too long) to"
          + " compile; use fewer levels of parentheses or simplify it");
    }
  }

  /** The Hamiltonian given by {@code formula}, which must not use parameters. */
  public static FormulaSystem parse(String formula) {
    return new FormulaSystem(formula, Map.of(), Backend.preferred());
  }

  /** The Hamiltonian given by {@code formula} with the named parameter values. */
  public static FormulaSystem parse(String formula, Map<String, Double> parameters) {
    Objects.requireNonNull(parameters, "parameters");
    parameters.forEach((name, value) -> {
      if (value == null) throw new IllegalArgumentException("parameter '" + name + "' is null");
      Symbols.checkParameter(name, value);
    });
    return new FormulaSystem(formula, parameters, Backend.preferred());
  }

  /**
   * A builder for formulas with parameters:
   * {@code FormulaSystem.builder("q^2/2 + p^2/2 + alpha*q*p").parameter("alpha", 0.5).build()}.
   */
  public static Builder builder(String formula) {
    return new Builder(formula);
  }

  /** Collects parameter values for a formula. Not thread-safe; the built system is. */
  public static final class Builder {
    private final String formula;
    private final Map<String, Double> parameters = new LinkedHashMap<>();

    private Builder(String formula) {
      this.formula = formula;
    }

    /** Sets parameter {@code name} (an identifier that is no variable, function or pi). */
    public Builder parameter(String name, double value) {
      Symbols.checkParameter(name, value);
      parameters.put(name, value);
      return this;
    }

    public FormulaSystem build() {
      return new FormulaSystem(formula, new HashMap<>(parameters), Backend.preferred());
    }
  }

  /** The same system evaluated with {@code preferred} (or its fallback); for tests. */
  FormulaSystem with(Backend preferred) {
    return new FormulaSystem(formula, parameters, preferred);
  }

  /** The slowest backend any of the four routines ended up with (compiles deferred ones). */
  Backend backend() {
    Backend slowest = Backend.VECTOR;
    for (Routine r : new Routine[] {value, gradient, hessianVector, hessian}) {
      if (Backend.of(r).compareTo(slowest) > 0) slowest = Backend.of(r);
    }
    return slowest;
  }

  private static boolean separable(Node[] grad, int dof) {
    Map<Node, Boolean> onP = new HashMap<>(), onQ = new HashMap<>();
    for (int i = 0; i < dof; i++) {
      if (Graph.dependsOn(grad[i], dof, 2 * dof, onP)) return false;
      if (Graph.dependsOn(grad[dof + i], 0, dof, onQ)) return false;
    }
    return true;
  }

  /**
   * The formula, normalised: single spaces around binary {@code + -}, none elsewhere, minimal
   * parentheses. Parameters appear by name; {@link #toString()} adds their values.
   */
  @Override
  public String name() {
    return formula;
  }

  /** Same as {@link #name()}. */
  public String formula() {
    return formula;
  }

  /** Parameter values by name (sorted), empty when the formula has none. */
  public Map<String, Double> parameters() {
    return parameters;
  }

  @Override
  public int dof() {
    return dof;
  }

  @Override
  public boolean separable() {
    return separable;
  }

  @Override
  public void value(double[] z, int n, double[] out) {
    check(z, n, out, 1);
    value.run(z, null, n, 0, out);
  }

  @Override
  public void gradient(double[] z, int n, double[] out) {
    check(z, n, out, dim());
    gradient.run(z, null, n, 0, out);
  }

  @Override
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    check(z, n, out, dim());
    if (v.length < dim() * n) throw shape("v", v.length, dim() * n);
    hessianVector.run(z, v, n, 0, out);
  }

  /** {@code out[(i*dim + j)*n + b] = ∂²H/∂z_i∂z_j (z_b)}, length {@code dim²·n}; exact. */
  @Override
  public void hessian(double[] z, int n, double[] out) {
    check(z, n, out, dim() * dim());
    hessian.run(z, null, n, 0, out);
  }

  private void check(double[] z, int n, double[] out, int outputs) {
    if (n < 0) throw new IllegalArgumentException("batch size n must be >= 0, got " + n);
    if (z.length < dim() * n) throw shape("z", z.length, dim() * n);
    if (out.length < outputs * n) throw shape("out", out.length, outputs * n);
  }

  private IllegalArgumentException shape(String array, int length, int needed) {
    return new IllegalArgumentException(array + " has length " + length + " but " + needed
        + " are needed (" + name() + ": dim " + dim() + ", state layout z[k*n + b])");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FormulaSystem f && f.formula.equals(formula)
        && f.parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return formula.hashCode() * 31 + parameters.hashCode();
  }

  /** E.g. {@code H = q^2/2 + p^2/2 + alpha*q*p with alpha = 0.5 (d = 1, not separable)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("H = ").append(formula);
    if (!parameters.isEmpty()) {
      s.append(" with ");
      List<String> values = new ArrayList<>();
      parameters.forEach((k, v) -> values.add(k + " = " + v));
      s.append(String.join(", ", values));
    }
    return s.append(" (d = ").append(dof).append(separable ? ", separable)" : ", not separable)")
        .toString();
  }
}

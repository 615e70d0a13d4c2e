package org.hamlab.engine.system.formula;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamlab.engine.system.formula.Node.Op;

/**
 * A hash-consed expression DAG with algebraic simplification on construction (constant folding,
 * neutral and absorbing elements, constants pulled to the left of products, sign pushing) and
 * exact symbolic differentiation. Because equal subexpressions are one node, derivatives share
 * work with the value and with each other (common-subexpression elimination). Not thread-safe: one
 * graph is used by one thread while a formula is compiled, then discarded.
 *
 * <p>Simplifications are algebraic identities over the reals; like every computer-algebra system
 * they take 0·x = 0 also where x would be infinite or NaN.
 */
final class Graph {
  private record Key(Op op, int a, int b, long value, int index, Function function) {}

  private final Map<Key, Node> pool = new HashMap<>();
  private final List<Map<Node, Node>> derivatives = new ArrayList<>();
  private final Map<Node, Node> lowered = new HashMap<>();

  final Node zero = constant(0);
  final Node one = constant(1);

  private Node intern(Op op, Node a, Node b, double value, int index, Function f) {
    Key key = new Key(op, a == null ? -1 : a.id, b == null ? -1 : b.id,
        Double.doubleToLongBits(value), index, f);
    Node n = pool.get(key);
    if (n == null) {
      n = new Node(pool.size(), op, a, b, value, index, f);
      pool.put(key, n);
    }
    return n;
  }

  int size() {
    return pool.size();
  }

  Node constant(double c) {
    return intern(Op.CONST, null, null, c == 0 ? 0.0 : c, -1, null);
  }

  Node variable(int index) {
    return intern(Op.VAR, null, null, 0, index, null);
  }

  Node neg(Node a) {
    if (a.isConst()) return constant(-a.value);
    if (a.op == Op.NEG) return a.a;
    if (a.op == Op.SUB) return sub(a.b, a.a);
    if (a.op == Op.MUL && a.a.isConst()) return mul(constant(-a.a.value), a.b);
    return intern(Op.NEG, a, null, 0, -1, null);
  }

  Node add(Node a, Node b) {
    if (a.isConst() && b.isConst()) return constant(a.value + b.value);
    if (a.isConst(0)) return b;
    if (b.isConst(0)) return a;
    if (b.op == Op.NEG) return sub(a, b.a);
    if (a.op == Op.NEG) return sub(b, a.a);
    if (a == b) return mul(constant(2), a);
    if (b.isConst() || (!a.isConst() && a.id > b.id)) return intern(Op.ADD, b, a, 0, -1, null);
    return intern(Op.ADD, a, b, 0, -1, null);
  }

  Node sub(Node a, Node b) {
    if (a.isConst() && b.isConst()) return constant(a.value - b.value);
    if (b.isConst(0)) return a;
    if (a.isConst(0)) return neg(b);
    if (a == b) return zero;
    if (b.op == Op.NEG) return add(a, b.a);
    return intern(Op.SUB, a, b, 0, -1, null);
  }

  Node mul(Node a, Node b) {
    if (b.isConst() && !a.isConst()) return mul(b, a);
    if (a.isConst() && b.isConst()) return constant(a.value * b.value);
    if (a.isConst(0)) return zero;
    if (a.isConst(1)) return b;
    if (a.isConst(-1)) return neg(b);
    if (a.op == Op.NEG) return neg(mul(a.a, b));
    if (b.op == Op.NEG) return neg(mul(a, b.a));
    if (b.op == Op.MUL && b.a.isConst()) {
      // c1*(c2*x) = (c1 c2)*x, x*(c*y) = c*(x*y): constants move left and fold.
      return a.isConst() ? mul(constant(a.value * b.a.value), b.b) : mul(b.a, mul(a, b.b));
    }
    if (a.op == Op.MUL && a.a.isConst() && !b.isConst()) return mul(a.a, mul(a.b, b));
    if (!a.isConst() && a.id > b.id) return intern(Op.MUL, b, a, 0, -1, null);
    return intern(Op.MUL, a, b, 0, -1, null);
  }

  Node div(Node a, Node b) {
    if (a.isConst() && b.isConst()) return constant(a.value / b.value);
    if (a.isConst(0) && !b.isConst(0)) return zero;
    if (b.isConst(1)) return a;
    if (b.isConst(-1)) return neg(a);
    if (a == b) return one;
    if (b.isConst() && a.op == Op.MUL && a.a.isConst()) {
      return mul(constant(a.a.value / b.value), a.b);
    }
    if (a.op == Op.NEG) return neg(div(a.a, b));
    return intern(Op.DIV, a, b, 0, -1, null);
  }

  Node pow(Node a, Node b) {
    if (a.isConst() && b.isConst()) return constant(Math.pow(a.value, b.value));
    if (b.isConst(0)) return one;
    if (b.isConst(1)) return a;
    if (a.isConst(1)) return one;
    if (a.op == Op.POW && a.b.isSmallInteger(1 << 20) && b.isSmallInteger(1 << 20)) {
      return pow(a.a, constant(a.b.value * b.value)); // (x^m)^n = x^(mn) for integers m, n
    }
    return intern(Op.POW, a, b, 0, -1, null);
  }

  Node call(Function f, Node a) {
    if (a.isConst()) return constant(f.apply(a.value));
    return intern(Op.CALL, a, null, 0, -1, f);
  }

  /** ∂f/∂x_var, memoised per variable so that repeated differentiation reuses earlier work. */
  Node derivative(Node f, int var) {
    while (derivatives.size() <= var) derivatives.add(new HashMap<>());
    Map<Node, Node> memo = derivatives.get(var);
    Node d = memo.get(f);
    if (d == null) {
      d = differentiate(f, var);
      memo.put(f, d);
    }
    return d;
  }

  private Node differentiate(Node f, int var) {
    return switch (f.op) {
      case CONST -> zero;
      case VAR -> f.index == var ? one : zero;
      case NEG -> neg(derivative(f.a, var));
      case ADD -> add(derivative(f.a, var), derivative(f.b, var));
      case SUB -> sub(derivative(f.a, var), derivative(f.b, var));
      case MUL -> add(mul(derivative(f.a, var), f.b), mul(f.a, derivative(f.b, var)));
      case DIV -> {
        Node da = derivative(f.a, var), db = derivative(f.b, var);
        yield db.isConst(0) ? div(da, f.b) : sub(div(da, f.b), div(mul(f, db), f.b));
      }
      case POW -> {
        Node da = derivative(f.a, var), db = derivative(f.b, var);
        if (db.isConst(0)) { // d(a^c) = c a^(c-1) a'
          Node lower = f.b.isConst() ? constant(f.b.value - 1) : sub(f.b, one);
          yield mul(mul(f.b, pow(f.a, lower)), da);
        }
        // d(a^b) = a^b (b' log a + b a'/a)
        yield mul(f, add(mul(db, call(Function.LOG, f.a)), div(mul(f.b, da), f.a)));
      }
      case CALL -> {
        Node da = derivative(f.a, var);
        yield da.isConst(0) ? zero : mul(outer(f), da);
      }
    };
  }

  /** f'(a) for a call f(a). */
  private Node outer(Node call) {
    Node x = call.a;
    return switch (call.function) {
      case SIN -> call(Function.COS, x);
      case COS -> neg(call(Function.SIN, x));
      case TAN -> add(one, pow(call, constant(2)));
      case EXP -> call;
      case LOG -> div(one, x);
      case SQRT -> div(constant(0.5), call);
      case TANH -> sub(one, pow(call, constant(2)));
      case SINH -> call(Function.COSH, x);
      case COSH -> call(Function.SINH, x);
    };
  }

  /**
   * The same value with small integer powers rewritten as products (x^4 = (x·x)·(x·x), x^-2 =
   * 1/(x·x)), so that evaluation needs no {@code Math.pow} for polynomials.
   */
  Node lower(Node f) {
    Node done = lowered.get(f);
    if (done != null) return done;
    Node r = switch (f.op) {
      case CONST, VAR -> f;
      case NEG -> intern(Op.NEG, lower(f.a), null, 0, -1, null);
      case ADD, SUB, MUL, DIV -> intern(f.op, lower(f.a), lower(f.b), 0, -1, null);
      case CALL -> intern(Op.CALL, lower(f.a), null, 0, -1, f.function);
      case POW -> {
        Node base = lower(f.a);
        if (f.b.isSmallInteger(64) && f.b.value != 0) {
          int e = (int) f.b.value;
          Node m = product(base, Math.abs(e));
          yield e > 0 ? m : intern(Op.DIV, one, m, 0, -1, null);
        }
        yield intern(Op.POW, base, lower(f.b), 0, -1, null);
      }
    };
    lowered.put(f, r);
    return r;
  }

  private Node product(Node x, int e) {
    if (e == 1) return x;
    Node half = product(x, e / 2);
    Node square = intern(Op.MUL, half, half, 0, -1, null);
    return e % 2 == 0 ? square : intern(Op.MUL, square, x, 0, -1, null);
  }

  /** True when {@code f} depends on some variable with index in [from, to). */
  static boolean dependsOn(Node f, int from, int to, Map<Node, Boolean> memo) {
    Boolean known = memo.get(f);
    if (known != null) return known;
    boolean r = switch (f.op) {
      case CONST -> false;
      case VAR -> f.index >= from && f.index < to;
      default -> dependsOn(f.a, from, to, memo) || f.b != null && dependsOn(f.b, from, to, memo);
    };
    memo.put(f, r);
    return r;
  }
}

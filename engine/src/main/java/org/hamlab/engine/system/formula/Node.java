package org.hamlab.engine.system.formula;

/**
 * One vertex of the expression DAG built by {@link Graph}. Nodes are hash-consed: a {@link Graph}
 * never holds two structurally equal nodes, so identity is equality and sharing is
 * common-subexpression elimination.
 */
final class Node {

  enum Op { CONST, VAR, NEG, ADD, SUB, MUL, DIV, POW, CALL }

  final int id;
  final Op op;
  final Node a;
  final Node b;
  /** Value of a {@code CONST}. */
  final double value;
  /** Input index of a {@code VAR}: state component k in [0, dim), or dim + k for direction v_k. */
  final int index;
  final Function function;

  Node(int id, Op op, Node a, Node b, double value, int index, Function function) {
    this.id = id;
    this.op = op;
    this.a = a;
    this.b = b;
    this.value = value;
    this.index = index;
    this.function = function;
  }

  boolean isConst() {
    return op == Op.CONST;
  }

  boolean isConst(double c) {
    return op == Op.CONST && value == c;
  }

  /** True for a constant that is an integer of magnitude at most {@code limit}. */
  boolean isSmallInteger(int limit) {
    return op == Op.CONST && value == Math.rint(value) && Math.abs(value) <= limit;
  }

  @Override
  public String toString() {
    return switch (op) {
      case CONST -> Double.toString(value);
      case VAR -> "z" + index;
      case NEG -> "-(" + a + ")";
      case ADD -> "(" + a + " + " + b + ")";
      case SUB -> "(" + a + " - " + b + ")";
      case MUL -> "(" + a + "*" + b + ")";
      case DIV -> "(" + a + "/" + b + ")";
      case POW -> "(" + a + ")^(" + b + ")";
      case CALL -> function.symbol() + "(" + a + ")";
    };
  }
}

package org.hamlab.engine.system.formula;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A straight-line program over double registers that computes several outputs of an expression
 * DAG: the flat instruction list both {@link Interpreter} and {@link Bytecode} execute per batch
 * row. Registers are reused once their last reader has run (linear scan), so a program needs few.
 *
 * <p>Inputs: {@code INPUT k} reads state component k (k &lt; dim) or direction component k − dim
 * of a Hessian-vector product. Output o of row b is written to {@code out[o*n + b]}.
 */
final class Program {

  enum Code { CONST, INPUT, NEG, ADD, SUB, MUL, DIV, POW, CALL }

  /** One instruction: {@code dst = code(a, b)}; {@code a} is the input index for INPUT. */
  record Instruction(Code code, int dst, int a, int b, double constant, Function function) {}

  final int dim;
  final int registers;
  final List<Instruction> instructions;
  /** Register holding output o. */
  final int[] outputs;

  private Program(int dim, int registers, List<Instruction> instructions, int[] outputs) {
    this.dim = dim;
    this.registers = registers;
    this.instructions = List.copyOf(instructions);
    this.outputs = outputs;
  }

  /** Schedules the (lowered) DAG under {@code roots} in dependency order; allocates registers. */
  static Program of(int dim, List<Node> roots) {
    List<Node> order = topologicalOrder(roots);
    Map<Node, Integer> position = new IdentityHashMap<>();
    for (int i = 0; i < order.size(); i++) position.put(order.get(i), i);
    int[] lastUse = new int[order.size()];
    for (int i = 0; i < order.size(); i++) {
      Node f = order.get(i);
      lastUse[i] = i;
      if (f.a != null && f.op != Node.Op.VAR) lastUse[position.get(f.a)] = i;
      if (f.b != null) lastUse[position.get(f.b)] = i;
    }
    for (Node r : roots) lastUse[position.get(r)] = Integer.MAX_VALUE;

    Deque<Integer> free = new ArrayDeque<>();
    int registers = 0;
    int[] reg = new int[order.size()];
    List<Instruction> code = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      Node f = order.get(i);
      int ra = f.a == null ? -1 : reg[position.get(f.a)];
      int rb = f.b == null ? -1 : reg[position.get(f.b)];
      // Operands whose last reader is this instruction free their registers before dst is chosen:
      // every instruction reads its operands before it writes, row by row.
      if (f.a != null && lastUse[position.get(f.a)] == i) free.push(ra);
      if (f.b != null && f.b != f.a && lastUse[position.get(f.b)] == i) free.push(rb);
      int dst = free.isEmpty() ? registers++ : free.pop();
      reg[i] = dst;
      code.add(switch (f.op) {
        case CONST -> new Instruction(Code.CONST, dst, -1, -1, f.value, null);
        case VAR -> new Instruction(Code.INPUT, dst, f.index, -1, 0, null);
        case NEG -> new Instruction(Code.NEG, dst, ra, -1, 0, null);
        case ADD -> new Instruction(Code.ADD, dst, ra, rb, 0, null);
        case SUB -> new Instruction(Code.SUB, dst, ra, rb, 0, null);
        case MUL -> new Instruction(Code.MUL, dst, ra, rb, 0, null);
        case DIV -> new Instruction(Code.DIV, dst, ra, rb, 0, null);
        case POW -> new Instruction(Code.POW, dst, ra, rb, 0, null);
        case CALL -> new Instruction(Code.CALL, dst, ra, -1, 0, f.function);
      });
    }
    int[] outputs = new int[roots.size()];
    for (int o = 0; o < outputs.length; o++) outputs[o] = reg[position.get(roots.get(o))];
    return new Program(dim, registers, code, outputs);
  }

  /**
   * True when the program uses only +, −, ×, ÷, negation and square roots: IEEE-754 operations
   * that are correctly rounded, so scalar and vector code give bitwise the same results.
   */
  boolean exact() {
    return instructions.stream().noneMatch(i -> i.code() == Code.POW
        || i.code() == Code.CALL && i.function() != Function.SQRT);
  }

  /** Post-order of the DAG under {@code roots}, each node once; iterative (deep formulas). */
  private static List<Node> topologicalOrder(List<Node> roots) {
    List<Node> order = new ArrayList<>();
    Map<Node, Boolean> seen = new HashMap<>();
    Deque<Node> stack = new ArrayDeque<>();
    for (Node root : roots) {
      if (seen.containsKey(root)) continue;
      stack.push(root);
      while (!stack.isEmpty()) {
        Node f = stack.peek();
        Boolean expanded = seen.get(f);
        if (expanded == null) {
          seen.put(f, false);
          if (f.op != Node.Op.VAR) {
            if (f.b != null && !seen.containsKey(f.b)) stack.push(f.b);
            if (f.a != null && !seen.containsKey(f.a)) stack.push(f.a);
          }
        } else {
          stack.pop();
          if (!expanded) {
            seen.put(f, true);
            order.add(f);
          }
        }
      }
    }
    return order;
  }
}

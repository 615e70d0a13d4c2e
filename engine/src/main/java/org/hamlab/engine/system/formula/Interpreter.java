package org.hamlab.engine.system.formula;

/**
 * Runs a {@link Program} column by column over tiles of {@value #TILE} rows: each instruction is
 * one tight loop over the tile, which C2 auto-vectorises. The fallback when a program is too large
 * for {@link Bytecode} (the JIT does not compile methods above 8000 bytes of bytecode), and the
 * independent reference the tests compare the generated code with.
 *
 * <p>Scratch registers are per thread ({@link ThreadLocal}), allocated on first use.
 */
final class Interpreter implements Routine {
  static final int TILE = 256;

  private final Program program;
  private final Program.Instruction[] code;
  private final ThreadLocal<double[][]> scratch;

  Interpreter(Program program) {
    this.program = program;
    this.code = program.instructions.toArray(Program.Instruction[]::new);
    int registers = program.registers;
    this.scratch = ThreadLocal.withInitial(() -> new double[registers][TILE]);
  }

  @Override
  public void run(double[] z, double[] v, int n, int first, double[] out) {
    double[][] r = scratch.get();
    for (int from = first; from < n; from += TILE) {
      int len = Math.min(TILE, n - from);
      for (Program.Instruction ins : code) execute(ins, r, z, v, n, from, len);
      int[] outputs = program.outputs;
      for (int o = 0; o < outputs.length; o++) {
        System.arraycopy(r[outputs[o]], 0, out, o * n + from, len);
      }
    }
  }

  private void execute(Program.Instruction ins, double[][] r, double[] z, double[] v, int n,
      int from, int len) {
    double[] d = r[ins.dst()];
    switch (ins.code()) {
      case CONST -> java.util.Arrays.fill(d, 0, len, ins.constant());
      case INPUT -> {
        int k = ins.a();
        if (k < program.dim) System.arraycopy(z, k * n + from, d, 0, len);
        else System.arraycopy(v, (k - program.dim) * n + from, d, 0, len);
      }
      case NEG -> {
        double[] x = r[ins.a()];
        for (int i = 0; i < len; i++) d[i] = -x[i];
      }
      case ADD -> {
        double[] x = r[ins.a()], y = r[ins.b()];
        for (int i = 0; i < len; i++) d[i] = x[i] + y[i];
      }
      case SUB -> {
        double[] x = r[ins.a()], y = r[ins.b()];
        for (int i = 0; i < len; i++) d[i] = x[i] - y[i];
      }
      case MUL -> {
        double[] x = r[ins.a()], y = r[ins.b()];
        for (int i = 0; i < len; i++) d[i] = x[i] * y[i];
      }
      case DIV -> {
        double[] x = r[ins.a()], y = r[ins.b()];
        for (int i = 0; i < len; i++) d[i] = x[i] / y[i];
      }
      case POW -> {
        double[] x = r[ins.a()], y = r[ins.b()];
        for (int i = 0; i < len; i++) d[i] = Math.pow(x[i], y[i]);
      }
      case CALL -> {
        double[] x = r[ins.a()];
        Function f = ins.function();
        for (int i = 0; i < len; i++) d[i] = f.apply(x[i]);
      }
    }
  }
}

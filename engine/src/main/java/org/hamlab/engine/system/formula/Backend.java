package org.hamlab.engine.system.formula;

import java.util.ArrayList;
import java.util.List;
import org.hamlab.engine.simd.FormulaVectorCode;

/**
 * How a {@link Program} is evaluated, fastest first. Each backend falls back to the next when it
 * cannot take a program (Vector API module absent, or a program too large for one JIT-compiled
 * method).
 */
enum Backend {
  /**
   * Generated Vector API code over whole vectors, scalar generated code for the tail rows. The
   * fastest once C2 has compiled it, but each formula's code is a new class that runs ~100×
   * slower until then (libraries.md §3.6): about 0.5 s of CPU per routine here.
   */
  VECTOR,
  /**
   * The default: {@link #BYTECODE}, and {@link #VECTOR} once a background thread has warmed it
   * up ({@link Tiered}); for exact programs only, others use {@link #BYTECODE}.
   */
  TIERED,
  /** Generated scalar code: one straight-line loop over the rows. */
  BYTECODE,
  /** Column-wise interpretation over tiles of rows. */
  INTERPRETER;

  /** System property naming the preferred backend: tiered, bytecode, vector or interpreter. */
  static final String PROPERTY = "hamlab.formula.backend";

  static Backend preferred() {
    String value = System.getProperty(PROPERTY, "tiered");
    for (Backend b : values()) if (b.name().equalsIgnoreCase(value)) return b;
    throw new IllegalStateException("system property " + PROPERTY
        + " must be tiered, bytecode, vector or interpreter, got '" + value + "'");
  }

  /** A routine for {@code program} from this backend or the first one after it that takes it. */
  Routine compile(Program program) {
    Routine scalar = this == INTERPRETER ? null : Bytecode.compile(program);
    if (scalar != null && (this == VECTOR || this == TIERED && program.exact())) {
      FormulaVectorCode.Batch batch = FormulaVectorCode.compile(
          program.dim, program.registers, steps(program), program.outputs);
      if (batch != null) {
        return this == VECTOR ? new Vectorised(batch, scalar) : new Tiered(batch, scalar, program);
      }
    }
    return scalar != null ? scalar : new Interpreter(program);
  }

  /** A routine compiled on first use, for outputs that many callers never ask for. */
  Routine deferred(Program program) {
    return new Deferred(this, program);
  }

  /** True when {@code routine} runs vector code now, or is deferred and not compiled yet. */
  static boolean vectorised(Routine routine) {
    return switch (routine) {
      case Deferred d -> d.compiled == null || vectorised(d.compiled);
      case Vectorised x -> true;
      case Tiered t -> t.hot();
      default -> false;
    };
  }

  /** A {@link Tiered} routine (compiled now if it was deferred), else null. */
  static Tiered tiered(Routine routine) {
    if (routine instanceof Deferred d) return tiered(d.get());
    return routine instanceof Tiered t ? t : null;
  }

  /** The backend {@code routine} belongs to (compiling it if it was deferred). */
  static Backend of(Routine routine) {
    if (routine instanceof Deferred d) return of(d.get());
    return switch (routine) {
      case Vectorised x -> VECTOR;
      case Tiered x -> TIERED;
      case Interpreter x -> INTERPRETER;
      default -> BYTECODE;
    };
  }

  private static List<FormulaVectorCode.Step> steps(Program program) {
    List<FormulaVectorCode.Step> steps = new ArrayList<>(program.instructions.size());
    for (Program.Instruction i : program.instructions) {
      String op = i.code() == Program.Code.CALL ? i.function().symbol()
          : i.code().name().toLowerCase(java.util.Locale.ROOT);
      steps.add(new FormulaVectorCode.Step(op, i.dst(), i.a(), i.b(), i.constant()));
    }
    return steps;
  }

  private static final class Deferred implements Routine {
    private final Backend backend;
    private final Program program;
    private volatile Routine compiled;

    Deferred(Backend backend, Program program) {
      this.backend = backend;
      this.program = program;
    }

    Routine get() {
      Routine r = compiled;
      if (r == null) {
        synchronized (this) {
          r = compiled;
          if (r == null) compiled = r = backend.compile(program);
        }
      }
      return r;
    }

    @Override
    public void run(double[] z, double[] v, int n, int from, double[] out) {
      get().run(z, v, n, from, out);
    }
  }

  /** Whole vectors first, then the remaining rows with scalar code. */
  private record Vectorised(FormulaVectorCode.Batch batch, Routine tail) implements Routine {
    @Override
    public void run(double[] z, double[] v, int n, int from, double[] out) {
      int done = from == 0 ? batch.run(z, v, n, out) : from;
      if (done < n) tail.run(z, v, n, done, out);
    }
  }
}

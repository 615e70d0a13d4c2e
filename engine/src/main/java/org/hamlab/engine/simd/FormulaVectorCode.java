package org.hamlab.engine.simd;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;

/**
 * Compiles a formula's straight-line program (from {@code org.hamlab.engine.system.formula}) to a
 * hidden class that evaluates it on whole {@code DoubleVector.SPECIES_PREFERRED} vectors: one loop
 * over the batch in steps of the vector length, each instruction one lanewise Vector API call on
 * locals, so that C2 intrinsifies the lot (libraries.md §3.6: straight-line code, constant
 * species and operators, no vectors crossing calls). Transcendentals use the SVML intrinsics,
 * except tanh, which is {@code t/(t+2)} with {@code t = expm1(2x)} on x clamped to [−20, 20]
 * (double lanewise TANH is slower than scalar here, libraries.md §3.4; tanh(±20) rounds to ±1).
 *
 * <p>The generated {@link Batch} handles rows {@code [0, loopBound(n))} and returns that bound;
 * the caller evaluates the remaining rows with scalar code.
 */
public final class FormulaVectorCode {

  /**
   * One instruction {@code dst = op(a, b)}. {@code op}: {@code const} (value {@code constant}),
   * {@code input} (state component {@code a} if {@code a < dim}, else direction component
   * {@code a − dim}), {@code neg add sub mul div pow}, or a function name
   * {@code sin cos tan exp log sqrt tanh sinh cosh}.
   */
  public record Step(String op, int dst, int a, int b, double constant) {}

  /**
   * A compiled program. Arrays in the state layout {@code z[k*n + b]}; output o of row b goes to
   * {@code out[o*n + b]}; {@code v} is read only by {@code input} steps with index ≥ dim.
   */
  @FunctionalInterface
  public interface Batch {
    /** Evaluates rows {@code [0, bound)} and returns {@code bound}, a multiple of the lanes. */
    int run(double[] z, double[] v, int n, double[] out);
  }

  /** Below HotSpot's HugeMethodLimit (8000 bytes of bytecode), with a margin. */
  static final int MAX_CODE_BYTES = 7500;

  private static final Set<String> FUNCTIONS =
      Set.of("sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sinh", "cosh");
  private static final String VECTOR = "jdk.incubator.vector.";
  private static final ClassDesc SELF =
      ClassDesc.of(FormulaVectorCode.class.getPackageName(), "GeneratedFormula");
  private static final ClassDesc BATCH = ClassDesc.of(Batch.class.getName());
  private static final ClassDesc DV = ClassDesc.of(VECTOR + "DoubleVector");
  private static final ClassDesc VEC = ClassDesc.of(VECTOR + "Vector");
  private static final ClassDesc SPECIES = ClassDesc.of(VECTOR + "VectorSpecies");
  private static final ClassDesc OPERATORS = ClassDesc.of(VECTOR + "VectorOperators");
  private static final ClassDesc UNARY = ClassDesc.of(VECTOR + "VectorOperators$Unary");
  private static final ClassDesc BINARY = ClassDesc.of(VECTOR + "VectorOperators$Binary");
  private static final ClassDesc DOUBLES = CD_double.arrayType();
  private static final MethodTypeDesc RUN =
      MethodTypeDesc.of(CD_int, DOUBLES, DOUBLES, CD_int, DOUBLES);
  private static final MethodTypeDesc FROM_ARRAY = MethodTypeDesc.of(DV, SPECIES, DOUBLES, CD_int);
  private static final MethodTypeDesc BROADCAST = MethodTypeDesc.of(DV, SPECIES, CD_double);
  private static final MethodTypeDesc INTO_ARRAY = MethodTypeDesc.of(CD_void, DOUBLES, CD_int);
  private static final MethodTypeDesc WITH_VECTOR = MethodTypeDesc.of(DV, VEC);
  private static final MethodTypeDesc WITH_SCALAR = MethodTypeDesc.of(DV, CD_double);
  private static final MethodTypeDesc NO_ARGS = MethodTypeDesc.of(DV);
  private static final MethodTypeDesc LANEWISE_UNARY = MethodTypeDesc.of(DV, UNARY);
  private static final MethodTypeDesc LANEWISE_BINARY = MethodTypeDesc.of(DV, BINARY, VEC);

  // Slots of run(z, v, n, out): 0 this, 1 z, 2 v, 3 n, 4 out, 5 row, 6 bound, 7 lanes, 8 scratch.
  private static final int Z = 1, V = 2, N = 3, OUT = 4, ROW = 5, BOUND = 6, LANES = 7,
      SCRATCH = 8, FIRST_REGISTER = 9;

  private static final boolean AVAILABLE = probe();

  private FormulaVectorCode() {}

  /** Lanes of the preferred double species (0 when the Vector API is not available). */
  public static int lanes() {
    return AVAILABLE ? Lanes.preferred() : 0;
  }

  /** True when the Vector API module is loaded and its preferred double species has ≥ 2 lanes. */
  public static boolean available() {
    return AVAILABLE;
  }

  /**
   * The program as a vectorised batch, or null when the Vector API is not {@link #available()} or
   * the program is too large to be JIT-compiled as one method.
   *
   * @param dim state dimension 2d
   * @param registers number of registers the steps use ({@code dst, a, b < registers})
   * @param outputs register holding each output
   */
  public static Batch compile(int dim, int registers, List<Step> steps, int[] outputs) {
    if (!AVAILABLE || 40 + 14 * steps.size() + 10 * outputs.length > MAX_CODE_BYTES
        || FIRST_REGISTER + registers > 65535) {
      return null;
    }
    for (Step s : steps) {
      if (!s.op().matches("const|input|neg|add|sub|mul|div|pow") && !FUNCTIONS.contains(s.op())) {
        throw new IllegalArgumentException("unknown step '" + s.op() + "'");
      }
    }
    byte[] bytes = ClassFile.of().build(SELF, cls -> cls
        .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
        .withInterfaceSymbols(BATCH)
        .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
            .aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_())
        .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC,
            code -> body(code, dim, steps, outputs)));
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return (Batch) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
          .invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("could not load the vector code generated for a formula", e);
    }
  }

  private static void body(CodeBuilder code, int dim, List<Step> steps, int[] outputs) {
    Label loop = code.newLabel(), end = code.newLabel();
    species(code);
    code.iload(N).invokeinterface(SPECIES, "loopBound", MethodTypeDesc.of(CD_int, CD_int))
        .istore(BOUND);
    species(code);
    code.invokeinterface(SPECIES, "length", MethodTypeDesc.of(CD_int)).istore(LANES);
    code.iconst_0().istore(ROW);
    code.labelBinding(loop);
    code.iload(ROW).iload(BOUND).if_icmpge(end);
    for (Step s : steps) {
      switch (s.op()) {
        case "const" -> {
          species(code);
          code.loadConstant(s.constant()).invokestatic(DV, "broadcast", BROADCAST);
        }
        case "input" -> {
          boolean direction = s.a() >= dim;
          species(code);
          code.aload(direction ? V : Z);
          index(code, direction ? s.a() - dim : s.a());
          code.invokestatic(DV, "fromArray", FROM_ARRAY);
        }
        case "neg" -> code.aload(slot(s.a())).invokevirtual(DV, "neg", NO_ARGS);
        case "add", "sub", "mul", "div" ->
            code.aload(slot(s.a())).aload(slot(s.b())).invokevirtual(DV, s.op(), WITH_VECTOR);
        case "pow" -> code.aload(slot(s.a())).getstatic(OPERATORS, "POW", BINARY)
            .aload(slot(s.b())).invokevirtual(DV, "lanewise", LANEWISE_BINARY);
        case "tanh" -> {
          // t = expm1(2·clamp(x, −20, 20)); tanh x = t/(t + 2)
          code.aload(slot(s.a()))
              .loadConstant(-20.0).invokevirtual(DV, "max", WITH_SCALAR)
              .loadConstant(20.0).invokevirtual(DV, "min", WITH_SCALAR)
              .loadConstant(2.0).invokevirtual(DV, "mul", WITH_SCALAR)
              .getstatic(OPERATORS, "EXPM1", UNARY).invokevirtual(DV, "lanewise", LANEWISE_UNARY)
              .astore(SCRATCH);
          code.aload(SCRATCH).aload(SCRATCH).loadConstant(2.0).invokevirtual(DV, "add", WITH_SCALAR)
              .invokevirtual(DV, "div", WITH_VECTOR);
        }
        default -> code.aload(slot(s.a()))
            .getstatic(OPERATORS, s.op().toUpperCase(java.util.Locale.ROOT), UNARY)
            .invokevirtual(DV, "lanewise", LANEWISE_UNARY);
      }
      code.astore(slot(s.dst()));
    }
    for (int o = 0; o < outputs.length; o++) {
      code.aload(slot(outputs[o])).aload(OUT);
      index(code, o);
      code.invokevirtual(DV, "intoArray", INTO_ARRAY);
    }
    code.iload(ROW).iload(LANES).iadd().istore(ROW).goto_(loop);
    code.labelBinding(end);
    code.iload(BOUND).ireturn();
  }

  private static void species(CodeBuilder code) {
    code.getstatic(DV, "SPECIES_PREFERRED", SPECIES);
  }

  /** Pushes {@code k*n + row}. */
  private static void index(CodeBuilder code, int k) {
    if (k == 0) {
      code.iload(ROW);
      return;
    }
    code.loadConstant(k).iload(N).imul().iload(ROW).iadd();
  }

  private static int slot(int register) {
    return FIRST_REGISTER + register;
  }

  private static boolean probe() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
    try {
      return Lanes.preferred() >= 2;
    } catch (LinkageError e) {
      return false;
    }
  }

  /** Touches the Vector API only when the module is present. */
  private static final class Lanes {
    static int preferred() {
      return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
    }
  }
}

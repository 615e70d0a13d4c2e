package org.hamlab.engine.system.formula;

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

/**
 * Compiles a {@link Program} to a hidden class whose {@code run} is one loop over the batch rows
 * with the program inlined as straight-line code on local variables: the JIT then sees the same
 * shape as a hand-written system (load the row's inputs, compute, store the outputs), so the two
 * run at the same speed. Uses the JDK {@code java.lang.classfile} API.
 *
 * <p>Returns null for programs too large for C2 (HotSpot skips methods over 8000 bytes of
 * bytecode, {@code -XX:-DontCompileHugeMethods}); callers then use the {@link Interpreter}.
 */
final class Bytecode {
  /** Below HotSpot's HugeMethodLimit (8000 bytes), with a margin. */
  static final int MAX_CODE_BYTES = 7500;

  private static final ClassDesc SELF = ClassDesc.of(Bytecode.class.getPackageName(), "Generated");
  private static final ClassDesc ROUTINE = ClassDesc.of(Routine.class.getName());
  private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
  private static final ClassDesc DOUBLES = CD_double.arrayType();
  private static final MethodTypeDesc RUN =
      MethodTypeDesc.of(CD_void, DOUBLES, DOUBLES, CD_int, CD_int, DOUBLES);
  private static final MethodTypeDesc UNARY = MethodTypeDesc.of(CD_double, CD_double);
  private static final MethodTypeDesc BINARY = MethodTypeDesc.of(CD_double, CD_double, CD_double);

  // Slots of run(z, v, n, from, out): 0 this, 1 z, 2 v, 3 n, 4 from, 5 out, 6 row, then registers.
  private static final int Z = 1, V = 2, N = 3, FROM = 4, OUT = 5, ROW = 6, FIRST_REGISTER = 7;

  private Bytecode() {}

  static Routine compile(Program program) {
    if (estimatedSize(program) > MAX_CODE_BYTES || FIRST_REGISTER + 2 * program.registers > 65535) {
      return null;
    }
    byte[] bytes = ClassFile.of().build(SELF, cls -> cls
        .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
        .withInterfaceSymbols(ROUTINE)
        .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC, code -> code
            .aload(0).invokespecial(CD_Object, INIT_NAME, MTD_void).return_())
        .withMethodBody("run", RUN, ClassFile.ACC_PUBLIC, code -> body(code, program)));
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
      return (Routine) lookup
          .findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
    } catch (Throwable e) {
      throw new IllegalStateException("could not load the code generated for a formula", e);
    }
  }

  /** Upper bound of the bytes of {@code run}: at most 13 per instruction, 9 per output. */
  static int estimatedSize(Program program) {
    return 32 + 13 * program.instructions.size() + 9 * program.outputs.length;
  }

  private static void body(CodeBuilder code, Program program) {
    Label loop = code.newLabel(), end = code.newLabel();
    code.iload(FROM).istore(ROW);
    code.labelBinding(loop);
    code.iload(ROW).iload(N).if_icmpge(end);
    for (Program.Instruction ins : program.instructions) {
      switch (ins.code()) {
        case CONST -> code.loadConstant(ins.constant());
        case INPUT -> {
          boolean direction = ins.a() >= program.dim;
          int k = direction ? ins.a() - program.dim : ins.a();
          code.aload(direction ? V : Z);
          element(code, k);
          code.daload();
        }
        case NEG -> code.dload(slot(ins.a())).dneg();
        case ADD -> code.dload(slot(ins.a())).dload(slot(ins.b())).dadd();
        case SUB -> code.dload(slot(ins.a())).dload(slot(ins.b())).dsub();
        case MUL -> code.dload(slot(ins.a())).dload(slot(ins.b())).dmul();
        case DIV -> code.dload(slot(ins.a())).dload(slot(ins.b())).ddiv();
        case POW -> code.dload(slot(ins.a())).dload(slot(ins.b()))
            .invokestatic(MATH, "pow", BINARY);
        case CALL -> code.dload(slot(ins.a()))
            .invokestatic(MATH, ins.function().mathMethod(), UNARY);
      }
      code.dstore(slot(ins.dst()));
    }
    for (int o = 0; o < program.outputs.length; o++) {
      code.aload(OUT);
      element(code, o);
      code.dload(slot(program.outputs[o])).dastore();
    }
    code.iinc(ROW, 1).goto_(loop);
    code.labelBinding(end);
    code.return_();
  }

  /** Pushes the index {@code k*n + row}. */
  private static void element(CodeBuilder code, int k) {
    if (k == 0) {
      code.iload(ROW);
      return;
    }
    code.loadConstant(k).iload(N).imul().iload(ROW).iadd();
  }

  private static int slot(int register) {
    return FIRST_REGISTER + 2 * register;
  }
}

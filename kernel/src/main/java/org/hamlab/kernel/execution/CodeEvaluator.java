package org.hamlab.kernel.execution;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The JShell that runs cells, in this JVM, with hard stop (see {@link StoppableExecutionControl}).
 * A cell is split into snippets, each evaluated in order; the value of the last expression is the
 * cell's result (the real object). Errors name cell lines.
 */
public final class CodeEvaluator implements AutoCloseable {
  private final JShell shell;
  private final StoppableExecutionControlProvider provider = new StoppableExecutionControlProvider();
  private final SnippetSplitter splitter;
  private final CellLineMap lineMap = new CellLineMap();
  private final ErrorFormatter errors = new ErrorFormatter(lineMap);
  private volatile boolean interrupted;

  /**
   * @param classPath the class path user code compiles against (the kernel's own, so the DSL and
   *     the notebook helpers resolve)
   * @param compilerOptions extra javac options, e.g. {@code --add-modules jdk.incubator.vector}
   */
  public CodeEvaluator(String classPath, List<String> compilerOptions) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    shell = JShell.builder()
        .executionEngine(provider, java.util.Map.of())
        .compilerOptions(compilerOptions.toArray(String[]::new))
        .out(sink).err(sink)
        .build();
    if (!classPath.isBlank()) {
      shell.addToClasspath(classPath);
    }
    splitter = new SnippetSplitter(shell.sourceCodeAnalysis());
  }

  public JShell shell() {
    return shell;
  }

  public SourceCodeAnalysis analysis() {
    return shell.sourceCodeAnalysis();
  }

  /** Adds jars or directories (path-separator list) for the compiler and the class loader. */
  public void addToClasspath(String path) {
    shell.addToClasspath(path);
  }

  /**
   * Evaluates {@code cell} (execution count {@code cellNumber}) and returns the value of its last
   * expression, or null.
   */
  public Object eval(String cell, int cellNumber) throws Exception {
    interrupted = false;
    Object result = null;
    for (CellSnippet snippet : splitter.split(cell)) {
      if (interrupted) {
        throw new EvaluationInterruptedException();
      }
      result = evalSnippet(snippet, cellNumber);
    }
    if (interrupted) {
      throw new EvaluationInterruptedException();
    }
    return result;
  }

  private Object evalSnippet(CellSnippet snippet, int cellNumber) throws Exception {
    List<SnippetEvent> events = shell.eval(snippet.source());
    Object value = null;
    for (SnippetEvent ev : events) {
      if (ev.causeSnippet() != null) {
        continue;
      }
      Snippet s = ev.snippet();
      lineMap.record(s.id(), cellNumber, snippet.startLine());
      Object real = StoppableExecutionControl.takeResult(ev.value());
      if (interrupted) {
        throw new EvaluationInterruptedException();
      }
      if (ev.status() == Snippet.Status.REJECTED) {
        throw new CompilationException(errors.compileErrors(snippet, shell.diagnostics(s).toList()));
      }
      if (ev.exception() != null) {
        List<String> trace = errors.stackTrace(ev.exception());
        throw new EvaluationException(ErrorFormatter.header(ev.exception()).split(":")[0],
            ev.exception().getMessage(), trace);
      }
      value = showsValue(s) ? real : null;
    }
    return value;
  }

  /** Only bare expressions show a value ({@code 6*7}, {@code x}), as in the jshell tool. */
  static boolean showsValue(Snippet s) {
    return switch (s.subKind()) {
      case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> true;
      default -> false;
    };
  }

  /** Stops the running cell: hard stop of snippet code plus an interrupt of its threads. */
  public void interrupt() {
    interrupted = true;
    shell.stop();
  }

  @Override
  public void close() {
    shell.close();
  }
}

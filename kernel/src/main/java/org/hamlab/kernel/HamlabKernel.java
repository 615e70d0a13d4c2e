package org.hamlab.kernel;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.hamlab.kernel.display.DisplayRenderer;
import org.hamlab.kernel.display.PlotlyHtml;
import org.hamlab.kernel.execution.CodeEvaluator;
import org.hamlab.kernel.execution.CodeIntrospector;
import org.hamlab.kernel.execution.CompilationException;
import org.hamlab.kernel.execution.EvaluationException;
import org.hamlab.kernel.execution.EvaluationInterruptedException;
import org.hamlab.kernel.magic.MagicRegistry;
import org.hamlab.kernel.protocol.InMemoryHistory;
import org.hamlab.kernel.protocol.ProtocolFixes;

/**
 * The hamlab Jupyter kernel: JShell in this JVM with the DSL imported. Delegates evaluation to
 * {@link CodeEvaluator}, completion and documentation to {@link CodeIntrospector}, magics to
 * {@link MagicRegistry} and display to {@link DisplayRenderer}.
 */
public final class HamlabKernel extends BaseKernel implements ProtocolFixes.Session {
  /** Imports every cell sees; the DSL facade is added when it is on the class path. */
  static final String DEFAULT_IMPORTS = String.join("\n",
      "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
      "import java.io.*;", "import java.nio.file.*;", "import java.math.*;", "import java.time.*;",
      "import static org.hamlab.kernel.runtime.Notebook.*;");
  static final String DSL_FACADE = "org.hamlab.dsl.Hamlab";
  static final String DSL_STARTUP = "/org/hamlab/dsl/hamlab.jsh";
  private static final Pattern MAGIC_LINE = Pattern.compile("(?m)^\\s*%.*$");

  private final CodeEvaluator evaluator;
  private final CodeIntrospector introspector;
  private final MagicRegistry magics;
  private final ProtocolFixes fixes;
  private final DisplayRenderer displayRenderer;
  private final InMemoryHistory history = new InMemoryHistory();
  private final LanguageInfo languageInfo = new LanguageInfo.Builder("java")
      .version(Runtime.version().toString())
      .mimetype("text/x-java-source")
      .fileExtension(".jsh")
      .pygments("java")
      .codemirror("text/x-java")
      .build();
  private volatile CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);
  private volatile boolean failed;

  public HamlabKernel(CodeEvaluator evaluator, MagicRegistry magics, ProtocolFixes fixes) {
    this.evaluator = evaluator;
    this.introspector = new CodeIntrospector(evaluator.analysis());
    this.magics = magics;
    this.fixes = fixes;
    this.displayRenderer = new DisplayRenderer(getRenderer(), new PlotlyHtml());
  }

  /** Runs the imports (and {@code extraStartup}) in the background; cells wait for it. */
  public void startWarmUp(String extraStartup) {
    warmUp = CompletableFuture.runAsync(() -> {
      try {
        evaluator.eval(startupCode(extraStartup), 0);
        evaluator.eval("1 + 1", 0);
      } catch (Exception e) {
        System.err.println("hamlab kernel: startup code failed: " + e.getMessage());
      }
    });
  }

  static String startupCode(String extra) {
    StringBuilder code = new StringBuilder(DEFAULT_IMPORTS).append('\n');
    try (InputStream in = HamlabKernel.class.getResourceAsStream(DSL_STARTUP)) {
      if (in != null) {
        code.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      } else if (hasClass(DSL_FACADE)) {
        code.append("import static ").append(DSL_FACADE).append(".*;\n");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return code.append(extra).toString();
  }

  static boolean hasClass(String name) {
    try {
      Class.forName(name, false, HamlabKernel.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private void awaitWarmUp() {
    warmUp.join();
  }

  public DisplayRenderer renderer() {
    return displayRenderer;
  }

  public MagicRegistry magics() {
    return magics;
  }

  public ProtocolFixes fixes() {
    return fixes;
  }

  /** Publishes clear_output for the running cell. */
  public void clearOutput(boolean wait) {
    getIO().out.flush();
    getIO().err.flush();
    fixes.clearOutput(wait);
  }

  @Override
  public DisplayData eval(String code) throws Exception {
    awaitWarmUp();
    int cell = executionCount.get() - 1;
    try {
      Object value = evaluator.eval(magics.rewrite(code), cell);
      DisplayData shown = value == null ? null : displayRenderer.render(value);
      history.add(cell, code, value == null ? "" : String.valueOf(
          shown.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
      return shown;
    } catch (Exception e) {
      failed = true;
      history.add(cell, code, "");
      throw e;
    }
  }

  @Override
  public List<String> formatError(Exception e) {
    List<String> out = new ArrayList<>();
    String red = "\u001b[1;31m";
    String reset = "\u001b[0m";
    switch (e) {
      case CompilationException c -> {
        out.add(red + "Compilation error" + reset);
        out.addAll(c.lines());
      }
      case EvaluationException ev -> {
        out.add(red + ev.trace().getFirst() + reset);
        out.addAll(ev.trace().subList(1, ev.trace().size()));
      }
      case EvaluationInterruptedException i -> out.add(red + "Interrupted" + reset + ": "
          + i.getMessage());
      default -> {
        out.add(red + e.getClass().getSimpleName() + reset + ": " + e.getMessage());
        if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
            || e instanceof org.hamlab.kernel.execution.IncompleteSourceException)) {
          for (StackTraceElement f : e.getStackTrace()) {
            out.add("    at " + f);
          }
        }
      }
    }
    return out;
  }

  @Override
  public String isComplete(String code) {
    awaitWarmUp();
    if (code.stripLeading().startsWith("%%")) {
      return IS_COMPLETE_YES;
    }
    CodeIntrospector.Verdict v = introspector.isComplete(MAGIC_LINE.matcher(code).replaceAll(""));
    return switch (v.status()) {
      case "complete" -> IS_COMPLETE_YES;
      case "invalid" -> IS_COMPLETE_BAD;
      default -> v.indent() == null ? "" : v.indent();
    };
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    awaitWarmUp();
    int lineStart = code.lastIndexOf('\n', at - 1) + 1;
    String line = code.substring(lineStart, at);
    if (line.matches("\\s*%%?[\\w-]*")) {
      int start = lineStart + line.indexOf('%') + (line.contains("%%") ? 2 : 1);
      String prefix = code.substring(start, at);
      List<String> names = magics.names().stream().filter(n -> n.startsWith(prefix)).toList();
      return new ReplacementOptions(names, start, at);
    }
    CodeIntrospector.Completions c = introspector.complete(code, at);
    return c.matches().isEmpty() ? null : new ReplacementOptions(c.matches(), c.start(), c.end());
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    awaitWarmUp();
    String doc = introspector.inspect(code, at);
    return doc == null ? null : new DisplayData(doc);
  }

  @Override
  public LanguageInfo getLanguageInfo() {
    return languageInfo;
  }

  @Override
  public String getBanner() {
    return "hamlab kernel: Java " + Runtime.version().feature() + " JShell with the hamlab DSL"
        + " (magics: " + String.join(", ", magics.names().stream().map(n -> "%" + n).toList())
        + ")";
  }

  @Override
  public HistoryManager getHistoryManager() {
    return history;
  }

  @Override
  public void interrupt() {
    evaluator.interrupt();
  }

  @Override
  public void onShutdown(boolean restarting) {
    evaluator.close();
  }

  @Override
  public boolean takeFailure() {
    boolean f = failed;
    failed = false;
    return f;
  }

  @Override
  public int nextExecutionCount() {
    return executionCount.get();
  }
}

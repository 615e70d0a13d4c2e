package org.hamlab.kernel.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.LocalExecutionControlProvider;
import org.hamlab.dsl.shell.ScriptRunner;

/**
 * Executes the code cells of a notebook in order in one JShell session of this JVM, with the DSL
 * imported (the start-up script of {@link ScriptRunner}), and records nbformat 4 outputs: {@code
 * stream} for what the cell prints, {@code execute_result} for the value of its last expression
 * (the MIME bundle of a {@code Displayable}, else its text), {@code error} when it fails. The same
 * outputs the Jupyter kernel produces, without Python or ZeroMQ.
 *
 * <p>Not thread-safe: it redirects {@code System.out}/{@code System.err} while a cell runs.
 */
final class InProcessRunner implements AutoCloseable {
  /** System property the capture snippet leaves the MIME bundle of the last value in. */
  private static final String SLOT = "hamlab.reproduce.bundle";
  private static final JsonMapper JSON = new JsonMapper();
  private final JShell shell;
  private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream(), errBuf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8),
      err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
  private int count;

  InProcessRunner() {
    shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), Map.of()).out(out).err(err).build();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isBlank()) shell.addToClasspath(entry);
    }
    ObjectNode start = JsonNodeFactory.instance.objectNode();
    ArrayNode outputs = run(ScriptRunner.startup(), start);
    if (start.has("failed")) throw new IllegalStateException("the DSL start-up script failed: " + outputs);
    count = 0;
  }

  /**
   * Runs one code cell; returns its outputs. When the cell fails, {@code status} gets a field
   * {@code failed} with the message and the outputs end with an {@code error} output.
   */
  ArrayNode run(String source, ObjectNode status) {
    count++;
    ArrayNode outputs = JsonNodeFactory.instance.arrayNode();
    PrintStream sysOut = System.out, sysErr = System.err;
    System.setOut(out);
    System.setErr(err);
    JsonNode result = null;
    String failure = null;
    try {
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String rest = source;
      while (failure == null && !rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
        if (!info.completeness().isComplete()) {
          failure = "incomplete statement at the end of the cell (a missing ';', ')' or '}'?)";
          break;
        }
        rest = info.remaining();
        result = null;
        for (SnippetEvent e : shell.eval(info.source())) {
          if (e.causeSnippet() != null) continue;
          failure = problem(e);
          if (failure != null) break;
          if (e.value() != null && isExpression(e.snippet())) result = bundle(e);
        }
      }
    } finally {
      System.setOut(sysOut);
      System.setErr(sysErr);
    }
    stream(outputs, "stdout", outBuf);
    stream(outputs, "stderr", errBuf);
    if (failure != null) {
      status.put("failed", failure);
      ObjectNode e = outputs.addObject();
      e.put("output_type", "error");
      String name = failure.contains(":") ? failure.substring(0, failure.indexOf(':')) : "Error";
      e.put("ename", name);
      e.put("evalue", failure);
      e.putArray("traceback").add(failure);
    } else if (result != null) {
      ObjectNode r = outputs.addObject();
      r.put("output_type", "execute_result");
      r.put("execution_count", count);
      r.set("data", result);
      r.putObject("metadata");
    }
    return outputs;
  }

  int executionCount() {
    return count;
  }

  private static boolean isExpression(Snippet s) {
    return s.kind() == Snippet.Kind.EXPRESSION
        || (s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
  }

  /** The MIME bundle of the value of expression snippet {@code e}, computed inside the session. */
  private JsonNode bundle(SnippetEvent e) {
    String name = e.snippet() instanceof jdk.jshell.VarSnippet v ? v.name()
        : ((jdk.jshell.ExpressionSnippet) e.snippet()).name();
    String capture = "System.getProperties().put(\"" + SLOT + "\", " + name
        + " instanceof org.hamlab.dsl.display.Displayable hamlabD ? (Object) hamlabD.mimeBundle() : (Object) \"\")";
    System.getProperties().remove(SLOT);
    shell.eval(capture).forEach(x -> shell.drop(x.snippet()));
    Object b = System.getProperties().remove(SLOT);
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (b instanceof Map<?, ?> m && !m.isEmpty()) {
      for (var en : m.entrySet()) {
        String mime = en.getKey().toString(), value = String.valueOf(en.getValue());
        if (mime.equals("application/json") || mime.endsWith("+json")) {
          try {
            data.set(mime, JSON.readTree(value));
          } catch (Exception x) {
            data.put("text/plain", value);
          }
        } else {
          data.put(mime, value);
        }
      }
    } else {
      data.put("text/plain", e.value());
    }
    return data;
  }

  private String problem(SnippetEvent e) {
    Snippet s = e.snippet();
    if (e.status() == Snippet.Status.REJECTED) {
      List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
      StringBuilder b = new StringBuilder("CompilationError: ");
      if (diags.isEmpty()) b.append("the snippet was rejected: ").append(s.source().strip());
      for (Diag d : diags) b.append(d.getMessage(null)).append(" in: ").append(s.source().strip()).append('\n');
      return b.toString().strip();
    }
    if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
      return "CompilationError: cannot find symbol "
          + String.join(", ", shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList());
    }
    JShellException x = e.exception();
    if (x == null) return null;
    if (x instanceof EvalException ee) {
      String cls = ee.getExceptionClassName();
      StringBuilder b = new StringBuilder(cls.substring(cls.lastIndexOf('.') + 1) + ": " + ee.getMessage());
      Throwable cause = ee.getCause();
      while (cause instanceof EvalException c) {
        b.append("\n  caused by ").append(c.getExceptionClassName()).append(": ").append(c.getMessage());
        cause = c.getCause();
      }
      return b.toString();
    }
    return x.toString();
  }

  private static void stream(ArrayNode outputs, String name, ByteArrayOutputStream buf) {
    if (buf.size() == 0) return;
    ObjectNode s = outputs.addObject();
    s.put("output_type", "stream");
    s.put("name", name);
    s.put("text", buf.toString(StandardCharsets.UTF_8));
    buf.reset();
  }

  @Override
  public void close() {
    shell.close();
  }
}

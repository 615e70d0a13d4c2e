package org.hamlab.kernel.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.hamlab.dsl.shell.ScriptRunner;
import org.hamlab.kernel.execution.CodeEvaluator;
import org.hamlab.kernel.execution.CompilationException;
import org.hamlab.kernel.execution.EvaluationException;

/**
 * Executes the code cells of a notebook in order in one session of the kernel's own evaluator
 * ({@link CodeEvaluator}: JShell in this JVM, same snippet splitting, value rules and error
 * messages as the Jupyter kernel), with the DSL imported (the start-up script of
 * {@link ScriptRunner}), and records nbformat 4 outputs: {@code stream} for what the cell prints,
 * {@code execute_result} for the value of its last expression (the MIME bundle of a
 * {@code Displayable}, else its text), {@code error} when it fails. No Python or ZeroMQ needed.
 *
 * <p>Not thread-safe: it redirects {@code System.out}/{@code System.err} while a cell runs.
 */
final class InProcessRunner implements AutoCloseable {
  private static final JsonMapper JSON = new JsonMapper();
  private final CodeEvaluator evaluator;
  private final ByteArrayOutputStream outBuf = new ByteArrayOutputStream(), errBuf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBuf, true, StandardCharsets.UTF_8),
      err = new PrintStream(errBuf, true, StandardCharsets.UTF_8);
  private int count;

  InProcessRunner() {
    evaluator = new CodeEvaluator(System.getProperty("java.class.path", ""), List.of("--add-modules", "jdk.incubator.vector"));
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
    Object value = null;
    String ename = null, evalue = null;
    List<String> trace = List.of();
    try {
      value = evaluator.eval(source, count);
    } catch (EvaluationException e) {
      ename = e.exceptionClass();
      evalue = e.getMessage();
      trace = e.trace();
    } catch (CompilationException e) {
      ename = "CompilationError";
      evalue = String.join("; ", e.lines());
      trace = e.lines();
    } catch (Exception e) {
      ename = e.getClass().getSimpleName();
      evalue = String.valueOf(e.getMessage());
      trace = List.of(ename + ": " + evalue);
    } finally {
      System.out.flush();
      System.err.flush();
      System.setOut(sysOut);
      System.setErr(sysErr);
    }
    stream(outputs, "stdout", outBuf);
    stream(outputs, "stderr", errBuf);
    if (ename != null) {
      status.put("failed", ename + ": " + evalue);
      ObjectNode e = outputs.addObject();
      e.put("output_type", "error");
      e.put("ename", ename);
      e.put("evalue", evalue);
      ArrayNode tb = e.putArray("traceback");
      trace.forEach(tb::add);
    } else if (value != null) {
      ObjectNode r = outputs.addObject();
      r.put("output_type", "execute_result");
      r.put("execution_count", count);
      r.set("data", bundle(value));
      r.putObject("metadata");
    }
    return outputs;
  }

  int executionCount() {
    return count;
  }

  /** The MIME bundle of a value: a Displayable's own (JSON types parsed), else its text. */
  private static JsonNode bundle(Object value) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    if (value instanceof Displayable d) {
      for (Map.Entry<String, String> en : d.mimeBundle().entrySet()) {
        String mime = en.getKey(), v = en.getValue();
        if (mime.equals("application/json") || mime.endsWith("+json")) {
          try {
            data.set(mime, JSON.readTree(v));
          } catch (Exception x) {
            data.put(mime.replace("json", "x-invalid-json"), v);
          }
        } else {
          data.put(mime, v);
        }
      }
    }
    if (!data.has("text/plain")) data.put("text/plain", String.valueOf(value));
    return data;
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
    evaluator.close();
  }
}

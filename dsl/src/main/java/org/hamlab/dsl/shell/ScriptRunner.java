package org.hamlab.dsl.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.execution.LocalExecutionControlProvider;

/**
 * Runs a DSL script ({@code ./hamlab run FILE.jsh}) through the JShell API: the start-up imports
 * of {@code hamlab.jsh}, then the script snippet by snippet, in this JVM (local execution, so a
 * Ctrl-C can stop a training cleanly instead of killing the process). Stops at the first snippet
 * that does not compile or throws, prints {@code FILE:LINE: error} with the script's own line
 * number, and returns exit status 1; 0 when every snippet ran.
 */
public final class ScriptRunner {
  /** Start-up script on the class path: imports and {@code import static org.hamlab.dsl.Hamlab.*}. */
  public static final String STARTUP = "/org/hamlab/dsl/hamlab.jsh";

  private final PrintStream out, err;

  public ScriptRunner(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: ScriptRunner FILE.jsh");
      System.exit(2);
    }
    Path script = Path.of(args[0]);
    if (!Files.isRegularFile(script)) {
      System.err.println("hamlab run: no such script: " + script);
      System.exit(2);
    }
    int status = new ScriptRunner(System.out, System.err).run(script.toString(), Files.readString(script, StandardCharsets.UTF_8));
    System.out.flush();
    System.exit(status);
  }

  /** The start-up snippets (imports). */
  public static String startup() {
    try (InputStream in = ScriptRunner.class.getResourceAsStream(STARTUP)) {
      if (in == null) throw new IllegalStateException(STARTUP + " is missing from the class path; rebuild the dsl module");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code source} (named {@code name} in messages); returns the exit status. Snippets run in
   * this JVM, so {@code System.out}/{@code System.err} point to this runner's streams meanwhile.
   */
  public int run(String name, String source) {
    PrintStream sysOut = System.out, sysErr = System.err;
    System.setOut(out);
    System.setErr(err);
    try {
      return runHere(name, source);
    } finally {
      System.setOut(sysOut);
      System.setErr(sysErr);
    }
  }

  private int runHere(String name, String source) {
    try (JShell shell = JShell.builder().executionEngine(new LocalExecutionControlProvider(), java.util.Map.of())
        .out(out).err(err).build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) shell.addToClasspath(entry);
      }
      if (evalAll(shell, "hamlab.jsh", startup()) != 0) return 1;
      Object handler = Interrupts.install(shell, err);
      try {
        return evalAll(shell, name, source);
      } finally {
        Interrupts.restore(handler);
      }
    }
  }

  private int evalAll(JShell shell, String name, String text) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    int pos = skipBlank(text, 0);
    while (pos < text.length()) {
      String rest = text.substring(pos);
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      int line = lineOf(text, pos);
      if (!info.completeness().isComplete()) {
        if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
        err.println(name + ":" + line + ": error: incomplete statement at the end of the script (a missing ';', ')' or '}'?)");
        return 1;
      }
      String snippet = info.source();
      int used = rest.length() - info.remaining().length();
      if (!evalOne(shell, name, text, pos, line, snippet)) return 1;
      pos = skipBlank(text, pos + used);
    }
    return 0;
  }

  private boolean evalOne(JShell shell, String name, String text, int pos, int line, String snippet) {
    List<SnippetEvent> events = shell.eval(snippet);
    PRESSES.set(0); // a Ctrl-C stops one statement; the next one starts afresh
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) continue;
      Snippet s = e.snippet();
      if (e.status() == Snippet.Status.REJECTED) {
        List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
        if (diags.isEmpty()) {
          err.println(name + ":" + line + ": error: the snippet was rejected: " + firstLine(snippet));
        }
        for (Diag d : diags) {
          int at = line + newlines(snippet, (int) Math.max(0, d.getPosition()));
          err.println(name + ":" + at + ": error: " + d.getMessage(null));
          err.println("    " + lineText(text, at));
        }
        return false;
      }
      if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
        String missing = String.join(", ", shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) s).toList());
        err.println(name + ":" + line + ": error: cannot find symbol " + missing);
        err.println("    " + lineText(text, line));
        return false;
      }
      JShellException x = e.exception();
      if (x != null) {
        err.println(name + ":" + line + ": error: " + describe(x));
        err.println("    " + lineText(text, line));
        return false;
      }
    }
    return true;
  }

  private static String describe(JShellException x) {
    if (x instanceof EvalException ee) {
      String cls = ee.getExceptionClassName();
      String simple = cls.substring(cls.lastIndexOf('.') + 1);
      StringBuilder b = new StringBuilder(simple + ": " + ee.getMessage());
      Throwable cause = ee.getCause();
      while (cause instanceof EvalException c) {
        b.append("\n  caused by ").append(c.getExceptionClassName()).append(": ").append(c.getMessage());
        cause = c.getCause();
      }
      return b.toString();
    }
    if (x instanceof UnresolvedReferenceException u) {
      return "cannot use " + u.getSnippet().source().strip() + ": it refers to something undefined";
    }
    return x.toString();
  }

  /** Skips whitespace and comments from {@code i}. */
  static int skipBlank(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (s.startsWith("//", i)) {
        int nl = s.indexOf('\n', i);
        i = nl < 0 ? s.length() : nl + 1;
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }

  static int lineOf(String s, int pos) {
    return 1 + newlines(s, pos);
  }

  private static int newlines(String s, int upTo) {
    int n = 0;
    for (int i = 0; i < Math.min(upTo, s.length()); i++) if (s.charAt(i) == '\n') n++;
    return n;
  }

  private static String lineText(String s, int line) {
    String[] lines = s.split("\n", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " …";
  }

  /** Counts Ctrl-C presses for {@link Interrupts}. */
  static final AtomicInteger PRESSES = new AtomicInteger();
}

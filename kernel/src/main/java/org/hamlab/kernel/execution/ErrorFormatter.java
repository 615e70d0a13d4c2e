package org.hamlab.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;

/** Turns compile diagnostics and snippet exceptions into lines that name cell lines. */
public final class ErrorFormatter {
  private final CellLineMap lines;

  public ErrorFormatter(CellLineMap lines) {
    this.lines = lines;
  }

  /** One block per error diagnostic: "line L, column C: message", the source line and a caret. */
  public List<String> compileErrors(CellSnippet snippet, List<Diag> diags) {
    List<String> out = new ArrayList<>();
    String src = snippet.source();
    for (Diag d : diags) {
      if (!d.isError()) {
        continue;
      }
      int pos = (int) Math.max(0, Math.min(d.getStartPosition(), src.length()));
      int lineInSnippet = SnippetSplitter.lineOf(src, pos);
      int lineStart = src.lastIndexOf('\n', pos - 1) + 1;
      int lineEnd = src.indexOf('\n', pos);
      String text = src.substring(lineStart, lineEnd < 0 ? src.length() : lineEnd);
      int column = pos - lineStart;
      out.add("line " + (snippet.startLine() + lineInSnippet + 1) + ", column " + (column + 1) + ": "
          + firstLines(d.getMessage(Locale.ROOT)));
      out.add("    " + text);
      out.add("    " + " ".repeat(column) + "^");
    }
    return out;
  }

  /** Drops javac's "location:" context lines and joins the rest. */
  static String firstLines(String message) {
    List<String> keep = new ArrayList<>();
    for (String l : message.split("\\R")) {
      if (l.strip().startsWith("location:")) {
        continue;
      }
      keep.add(l.strip());
    }
    return String.join(" ", keep).strip();
  }

  /** "Class: message" then frames, snippet frames as cell lines; causes follow. */
  public List<String> stackTrace(JShellException e) {
    List<String> out = new ArrayList<>();
    Throwable t = e;
    boolean first = true;
    while (t != null) {
      out.add((first ? "" : "Caused by: ") + header(t));
      for (StackTraceElement f : t.getStackTrace()) {
        out.add("    at " + frame(f));
      }
      first = false;
      t = t.getCause();
    }
    return out;
  }

  static String header(Throwable t) {
    String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
    return t.getMessage() == null ? name : name + ": " + t.getMessage();
  }

  String frame(StackTraceElement f) {
    String file = f.getFileName();
    if (file != null && file.startsWith("#")) {
      String where = lines.describe(file.substring(1), f.getLineNumber());
      String method = f.getMethodName().isEmpty() ? "" : f.getMethodName();
      String cls = f.getClassName().isEmpty() ? "" : f.getClassName() + ".";
      return method.isEmpty() && cls.isEmpty() ? where : cls + method + "(" + where + ")";
    }
    return f.toString();
  }
}

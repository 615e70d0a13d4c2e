package org.hamlab.kernel.execution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

/** Completion, documentation and completeness answers from JShell's source analysis. */
public final class CodeIntrospector {
  /** Completion matches replacing {@code [start, end)} of the code. */
  public record Completions(List<String> matches, int start, int end) {}

  /** Whether code can run as is: {@code complete}, {@code incomplete} (with indent) or {@code invalid}. */
  public record Verdict(String status, String indent) {}

  private final SourceCodeAnalysis analysis;

  public CodeIntrospector(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  public Completions complete(String code, int cursor) {
    int[] anchor = new int[1];
    List<Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
    Set<String> matches = new LinkedHashSet<>();
    suggestions.stream().filter(Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
    suggestions.forEach(s -> matches.add(s.continuation()));
    return new Completions(new ArrayList<>(matches), anchor[0], cursor);
  }

  /**
   * Signature and javadoc of the name at the cursor. JShell documents a method only when the cursor
   * is after its {@code (}, so without a hit the name is retried with one appended (kernel.md §0.1).
   */
  public String inspect(String code, int cursor) {
    int end = cursor;
    while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
      end++;
    }
    List<Documentation> docs = analysis.documentation(code.substring(0, end), end, true);
    if (docs.isEmpty()) {
      docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true);
    }
    if (docs.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Documentation d : docs) {
      out.append(d.signature()).append('\n');
      if (d.javadoc() != null && !d.javadoc().isBlank()) {
        out.append('\n').append(d.javadoc().strip()).append("\n\n");
      }
    }
    return out.toString().strip();
  }

  /**
   * Walks the snippets of {@code code}: all complete → complete; an open statement at the end →
   * incomplete; something JShell cannot classify → invalid. (JShell's {@code UNKNOWN} counts as
   * "complete" in {@link Completeness#isComplete()}, which is why IJava answered complete for
   * {@code int x = ;)}.)
   */
  public Verdict isComplete(String code) {
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      switch (info.completeness()) {
        case EMPTY:
          return new Verdict("complete", null);
        case UNKNOWN:
          return new Verdict("invalid", null);
        case DEFINITELY_INCOMPLETE:
        case CONSIDERED_INCOMPLETE:
          return new Verdict("incomplete", indentAfter(code));
        default:
          rest = info.remaining();
      }
    }
    return new Verdict("complete", null);
  }

  /** Indent of the last line, two more spaces if it opens a block or a parenthesis. */
  static String indentAfter(String code) {
    String last = code.substring(code.lastIndexOf('\n') + 1);
    String indent = last.substring(0, SnippetSplitter.firstCodeIndex(last));
    String t = last.strip();
    boolean opens = t.endsWith("{") || t.endsWith("(") || t.endsWith("[");
    return opens ? indent + "  " : indent;
  }
}

package org.hamlab.kernel.execution;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Cuts a cell into JShell snippets with {@link SourceCodeAnalysis#analyzeCompletion}, remembering
 * where each starts in the cell. Code JShell cannot classify ({@code UNKNOWN}) becomes a snippet of
 * its own so that compiling it reports the error; an unfinished tail is an error here.
 */
public final class SnippetSplitter {
  private final SourceCodeAnalysis analysis;

  public SnippetSplitter(SourceCodeAnalysis analysis) {
    this.analysis = analysis;
  }

  /** The snippets of {@code cell} in order; throws if the cell ends inside a statement. */
  public List<CellSnippet> split(String cell) throws IncompleteSourceException {
    List<CellSnippet> out = new ArrayList<>();
    String rest = cell;
    int offset = 0;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      Completeness c = info.completeness();
      if (c == Completeness.EMPTY) {
        break;
      }
      int start = offset + firstCodeIndex(rest);
      if (!c.isComplete()) {
        throw new IncompleteSourceException(lineOf(cell, start));
      }
      out.add(new CellSnippet(info.source(), lineOf(cell, start)));
      offset += rest.length() - info.remaining().length();
      rest = info.remaining();
    }
    return out;
  }

  /** Index of the first character that is not white space (comments count as code). */
  static int firstCodeIndex(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** 0-based line of {@code index} in {@code text}. */
  public static int lineOf(String text, int index) {
    int line = 0;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

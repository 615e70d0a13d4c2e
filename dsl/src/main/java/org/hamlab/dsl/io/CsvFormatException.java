package org.hamlab.dsl.io;

import java.util.List;

/** A trajectory CSV file that cannot be read as written; lists every problem with its line number. */
public final class CsvFormatException extends IllegalArgumentException {
  private static final int SHOWN = 20;

  /** One problem: 1-based line number in the file (0 for the file as a whole) and what is wrong. */
  public record Problem(int line, String message) {
    @Override
    public String toString() {
      return (line > 0 ? "line " + line + ": " : "") + message;
    }
  }

  private final transient List<Problem> problems;

  public CsvFormatException(String file, List<Problem> problems) {
    super(message(file, problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String message(String file, List<Problem> problems) {
    StringBuilder b = new StringBuilder(file + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
        + " (nothing was read; fix the file, no rows are skipped silently):");
    for (int i = 0; i < Math.min(SHOWN, problems.size()); i++) b.append("\n  ").append(problems.get(i));
    if (problems.size() > SHOWN) b.append("\n  … and ").append(problems.size() - SHOWN).append(" more");
    return b.toString();
  }
}

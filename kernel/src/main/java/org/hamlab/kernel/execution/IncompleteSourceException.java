package org.hamlab.kernel.execution;

/** The cell ends inside a statement (an unclosed brace, a missing expression). */
public final class IncompleteSourceException extends Exception {
  private final int line;

  public IncompleteSourceException(int line) {
    super("the cell ends inside an unfinished statement that starts on line " + (line + 1)
        + "; close the open brace or parenthesis, or finish the expression");
    this.line = line;
  }

  /** 0-based line where the unfinished statement starts. */
  public int line() {
    return line;
  }
}

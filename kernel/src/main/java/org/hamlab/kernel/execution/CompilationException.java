package org.hamlab.kernel.execution;

import java.util.List;

/** A snippet did not compile; the message lines already point at cell lines. */
public final class CompilationException extends Exception {
  private final List<String> lines;

  public CompilationException(List<String> lines) {
    super(lines.isEmpty() ? "compilation failed" : lines.get(0));
    this.lines = List.copyOf(lines);
  }

  /** Human-readable report, one entry per line, no embedded newlines. */
  public List<String> lines() {
    return lines;
  }
}

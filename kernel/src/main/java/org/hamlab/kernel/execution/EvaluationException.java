package org.hamlab.kernel.execution;

import java.util.List;

/** User code threw; carries the user's exception class name and a cell-mapped stack trace. */
public final class EvaluationException extends Exception {
  private final String exceptionClass;
  private final List<String> trace;

  public EvaluationException(String exceptionClass, String message, List<String> trace) {
    super(message);
    this.exceptionClass = exceptionClass;
    this.trace = List.copyOf(trace);
  }

  public String exceptionClass() {
    return exceptionClass;
  }

  /** Trace lines as shown to the user (first line is "Class: message"). */
  public List<String> trace() {
    return trace;
  }
}

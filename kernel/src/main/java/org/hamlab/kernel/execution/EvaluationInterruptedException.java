package org.hamlab.kernel.execution;

/** The cell was stopped by the user (the notebook's stop button). */
public final class EvaluationInterruptedException extends Exception {
  public EvaluationInterruptedException() {
    super("the cell was interrupted; variables defined before the interrupted statement remain");
  }
}

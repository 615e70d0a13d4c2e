package org.hamlab.kernel.execution;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link StoppableExecutionControl} the evaluator keeps a reference to. */
final class StoppableExecutionControlProvider implements ExecutionControlProvider {
  private volatile StoppableExecutionControl control;

  @Override
  public String name() {
    return "hamlab-stoppable";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    control = new StoppableExecutionControl(StoppableExecutionControl.class.getClassLoader());
    return control;
  }

  StoppableExecutionControl control() {
    return control;
  }
}

package org.hamlab.dsl.shell;

import java.io.PrintStream;
import jdk.jshell.JShell;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a script runs: the first press stops the running snippet ({@link JShell#stop()},
 * which interrupts its thread; a training sees the interrupt, stops before its next minibatch
 * and keeps the best model so far, and the script goes on); a second press during the same
 * statement exits with status 130. Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported), the only way to catch SIGINT in Java; where
 * it is unavailable the JVM keeps its default behaviour.
 */
final class Interrupts {
  private Interrupts() {}

  /** Installs the handler; returns what to pass to {@link #restore}. */
  static Object install(JShell shell, PrintStream err) {
    try {
      ScriptRunner.PRESSES.set(0);
      return Signal.handle(new Signal("INT"), sig -> {
        if (ScriptRunner.PRESSES.getAndIncrement() == 0) {
          err.println("\nhamlab: stopping the running statement (training keeps its best model); Ctrl-C again to quit");
          shell.stop();
        } else {
          Runtime.getRuntime().halt(130);
        }
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  static void restore(Object previous) {
    if (previous instanceof SignalHandler h) {
      try {
        Signal.handle(new Signal("INT"), h);
      } catch (IllegalArgumentException e) {
        // nothing to restore
      }
    }
  }
}

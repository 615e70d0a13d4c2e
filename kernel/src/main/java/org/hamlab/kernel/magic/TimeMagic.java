package org.hamlab.kernel.magic;

import java.util.List;

/**
 * {@code %time CODE} and {@code %%time}: wall and process CPU time of the code, printed after it.
 * The code stays top-level JShell code (declarations remain visible); the rewrite wraps it in
 * {@code timerStart()}/{@code timerReport()} calls.
 */
public final class TimeMagic implements Magic {
  public static final String START = "org.hamlab.kernel.runtime.Notebook.timerStart();";
  public static final String REPORT = "org.hamlab.kernel.runtime.Notebook.timerReport();";

  @Override
  public String name() {
    return "time";
  }

  @Override
  public String rewriteLine(String rawArgs, List<String> args) {
    if (rawArgs.isBlank()) {
      throw new IllegalArgumentException("%time needs code after it, e.g. %time train(...);");
    }
    String code = rawArgs.strip();
    boolean terminated = code.endsWith(";") || code.endsWith("}");
    return START + " " + code + (terminated ? "" : ";") + " " + REPORT;
  }

  @Override
  public String rewriteCell(String rawArgs, List<String> args, String body) {
    return START + "\n" + body + "\n" + REPORT;
  }
}

package org.hamlab.dsl.display;

import java.util.Map;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars with time left in a terminal (me.tongfei:progressbar 0.10.1), the default sink in
 * JShell and scripts. Metrics (loss, lr) are shown after the bar.
 */
public final class TerminalProgress implements ProgressSink {

  /**
   * Installs this sink when the JVM runs in an interactive terminal ({@code ./hamlab shell},
   * {@code ./hamlab run} from a terminal) or {@code -Dhamlab.progress=terminal} is set; output to a
   * pipe or a log stays quiet, and {@code -Dhamlab.progress=quiet} always does. Leaves a sink
   * someone else installed (the kernel) alone.
   */
  public static void installIfTerminal() {
    String mode = System.getProperty("hamlab.progress", "");
    if (mode.equals("quiet") || Progress.current() != Progress.quiet()) return;
    java.io.Console console = System.console();
    if (mode.equals("terminal") || (console != null && console.isTerminal())) Progress.install(new TerminalProgress());
  }

  @Override
  public Task start(String title, long total, String unit) {
    ProgressBar bar = new ProgressBarBuilder().setTaskName(title).setInitialMax(total).setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().continuousUpdate()
        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    return new Task() {
      @Override
      public void update(long done, Map<String, Double> metrics, double secondsLeft) {
        bar.stepTo(done);
        if (!metrics.isEmpty()) {
          bar.setExtraMessage(metrics.entrySet().stream()
              .map(e -> e.getKey() + " " + ProgressSink.format(e.getValue()))
              .collect(Collectors.joining(", ")));
        }
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}

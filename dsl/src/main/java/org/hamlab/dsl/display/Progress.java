package org.hamlab.dsl.display;

import java.util.Map;
import java.util.Objects;

/** The current {@link ProgressSink}: quiet until something installs one (the terminal, the kernel). */
public final class Progress {
  private static final ProgressSink QUIET = (title, total, unit) -> new ProgressSink.Task() {
    @Override public void update(long done, Map<String, Double> metrics, double secondsLeft) {}

    @Override public void close() {}
  };
  private static volatile ProgressSink sink = QUIET;

  private Progress() {}

  /** Installs {@code s} as the sink for all later tasks; returns the previous one. */
  public static ProgressSink install(ProgressSink s) {
    ProgressSink old = sink;
    sink = Objects.requireNonNull(s, "sink");
    return old;
  }

  /** The sink now in force. */
  public static ProgressSink current() {
    return sink;
  }

  /** A sink that shows nothing. */
  public static ProgressSink quiet() {
    return QUIET;
  }
}

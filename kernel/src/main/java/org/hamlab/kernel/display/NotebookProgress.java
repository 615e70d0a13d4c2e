package org.hamlab.kernel.display;

import io.github.spencerpark.jupyter.kernel.DisplayStream;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamlab.dsl.display.ProgressSink;

/**
 * The notebook's {@link ProgressSink}: each task is one display that is updated in place
 * ({@code update_display_data}) at most every {@link #MIN_INTERVAL_NANOS}, with a bar, the
 * metrics and a loss curve. Nothing is shown when no cell is running.
 */
public final class NotebookProgress implements ProgressSink {
  static final long MIN_INTERVAL_NANOS = 250_000_000L;
  private final DisplayStream display;

  public NotebookProgress(DisplayStream display) {
    this.display = display;
  }

  @Override
  public Task start(String title, long total, String unit) {
    return new NotebookTask(title, total, unit);
  }

  private final class NotebookTask implements Task {
    private final String id = "hamlab-progress-" + UUID.randomUUID();
    private final String title;
    private final long total;
    private final String unit;
    private final long startNanos = System.nanoTime();
    private final List<Double> losses = new ArrayList<>();
    private long lastShown;
    private long done;
    private Map<String, Double> metrics = Map.of();
    private double left = Double.NaN;
    private boolean shown;
    private boolean closed;

    NotebookTask(String title, long total, String unit) {
      this.title = title;
      this.total = total;
      this.unit = unit;
      show("", true);
    }

    @Override
    public synchronized void update(long done, Map<String, Double> metrics, double secondsLeft) {
      this.done = done;
      this.metrics = metrics == null ? Map.of() : metrics;
      this.left = secondsLeft;
      Double loss = this.metrics.get("loss");
      if (loss != null) {
        losses.add(loss);
      }
      if (System.nanoTime() - lastShown >= MIN_INTERVAL_NANOS) {
        show("", false);
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      boolean stopped = Thread.currentThread().isInterrupted();
      show(done >= total ? "done" : stopped ? "stopped" : "ended", false);
    }

    private void show(String state, boolean first) {
      lastShown = System.nanoTime();
      if (!display.isAttached()) {
        return;
      }
      ProgressView v = new ProgressView(title, done, total, unit, metrics,
          (lastShown - startNanos) / 1e9, left, losses, state);
      DisplayData d = new DisplayData(v.text());
      d.putHTML(v.html());
      if (first || !shown) {
        d.setDisplayId(id);
        display.display(d);
        shown = true;
      } else {
        display.updateDisplay(id, d);
      }
    }
  }
}

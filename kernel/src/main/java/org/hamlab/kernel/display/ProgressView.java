package org.hamlab.kernel.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamlab.dsl.display.ProgressSink;

/**
 * What a running task looks like in the notebook: a bar with done/total, metrics, elapsed and
 * remaining time, and a small inline-SVG curve of the loss (log scale when it spans over a decade).
 * Immutable snapshot; {@link #html()} and {@link #text()} render it.
 */
public record ProgressView(String title, long done, long total, String unit,
    Map<String, Double> metrics, double secondsElapsed, double secondsLeft, List<Double> losses,
    String state) {
  static final int WIDTH = 320;
  static final int HEIGHT = 90;
  static final int MAX_POINTS = 400;

  public ProgressView {
    metrics = Map.copyOf(metrics);
    losses = List.copyOf(losses);
  }

  double fraction() {
    return total <= 0 ? 0 : Math.min(1, Math.max(0, (double) done / total));
  }

  public String text() {
    int filled = (int) Math.round(fraction() * 30);
    StringBuilder b = new StringBuilder(title).append(" [").append("#".repeat(filled))
        .append(".".repeat(30 - filled)).append("] ").append(done).append('/').append(total)
        .append(' ').append(unit);
    metrics.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.append(' ').append(e.getKey()).append('=').append(number(e.getValue())));
    b.append(" elapsed ").append(duration(secondsElapsed));
    if (!Double.isNaN(secondsLeft) && state.isEmpty()) {
      b.append(" left ").append(duration(secondsLeft));
    }
    if (!state.isEmpty()) {
      b.append(" (").append(state).append(')');
    }
    return b.toString();
  }

  public String html() {
    StringBuilder h = new StringBuilder("<div class=\"hamlab-progress\" style=\"font-family:")
        .append("sans-serif;font-size:13px;max-width:").append(WIDTH + 200).append("px\">")
        .append("<div><b>").append(TableHtml.escape(title)).append("</b> ")
        .append(done).append(" / ").append(total).append(' ').append(TableHtml.escape(unit))
        .append(String.format(Locale.ROOT, " (%.0f%%)", fraction() * 100));
    if (!state.isEmpty()) {
      h.append(" — ").append(TableHtml.escape(state));
    }
    h.append("</div><div style=\"background:#e5e5e5;height:10px;width:").append(WIDTH)
        .append("px;border-radius:3px\"><div style=\"background:")
        .append(state.equals("stopped") || state.equals("failed") ? "#c0392b" : "#2e86de")
        .append(";height:10px;border-radius:3px;width:")
        .append(Math.round(fraction() * WIDTH)).append("px\"></div></div><div>");
    metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        h.append(TableHtml.escape(e.getKey())).append(" = <code>").append(number(e.getValue()))
            .append("</code> &nbsp;"));
    h.append("elapsed ").append(duration(secondsElapsed));
    if (!Double.isNaN(secondsLeft) && state.isEmpty()) {
      h.append(", about ").append(duration(secondsLeft)).append(" left");
    }
    h.append("</div>");
    if (losses.size() >= 2) {
      h.append(lossSvg());
    }
    return h.append("</div>").toString();
  }

  /** Polyline of the loss history, thinned to at most {@link #MAX_POINTS} points. */
  String lossSvg() {
    List<Double> ys = thin(losses);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double y : ys) {
      if (Double.isFinite(y)) {
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
    }
    boolean log = min > 0 && max / min > 10;
    double lo = log ? Math.log10(min) : min;
    double hi = log ? Math.log10(max) : max;
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < ys.size(); i++) {
      double y = ys.get(i);
      if (!Double.isFinite(y) || (log && y <= 0)) {
        continue;
      }
      double v = log ? Math.log10(y) : y;
      double px = 30 + (WIDTH - 35) * (double) i / (ys.size() - 1);
      double py = 5 + (HEIGHT - 20) * (1 - (v - lo) / (hi - lo));
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
    }
    return "<svg width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\" style=\"margin-top:4px\">"
        + "<rect x=\"30\" y=\"5\" width=\"" + (WIDTH - 35) + "\" height=\"" + (HEIGHT - 20)
        + "\" fill=\"none\" stroke=\"#ccc\"/>"
        + "<polyline fill=\"none\" stroke=\"#2e86de\" stroke-width=\"1.5\" points=\""
        + pts.toString().strip() + "\"/>"
        + "<text x=\"0\" y=\"12\" font-size=\"9\">" + number(max) + "</text>"
        + "<text x=\"0\" y=\"" + (HEIGHT - 15) + "\" font-size=\"9\">" + number(min) + "</text>"
        + "<text x=\"30\" y=\"" + (HEIGHT - 2) + "\" font-size=\"9\">loss" + (log ? " (log)" : "")
        + " over " + losses.size() + " updates</text></svg>";
  }

  static List<Double> thin(List<Double> ys) {
    if (ys.size() <= MAX_POINTS) {
      return ys;
    }
    List<Double> out = new ArrayList<>(MAX_POINTS);
    for (int i = 0; i < MAX_POINTS; i++) {
      out.add(ys.get((int) ((long) i * (ys.size() - 1) / (MAX_POINTS - 1))));
    }
    return out;
  }

  static String number(double v) {
    return ProgressSink.format(v);
  }

  static String duration(double s) {
    if (Double.isNaN(s)) {
      return "?";
    }
    long t = Math.round(s);
    return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
        : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
  }
}

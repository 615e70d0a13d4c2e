package org.hamlab.kernel.display;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Offline HTML for plotly figures in a notebook. The first figure of a kernel session carries
 * plotly.js 2.35.3 (a class-path resource fetched from npm at build time, kernel.md §5.3); every
 * figure's script waits for {@code window.Plotly}. The loader is AMD-aware: with RequireJS on the
 * page (Notebook 6, nbconvert HTML) the bundle is registered as module {@code plotly}; otherwise it
 * runs as a plain script so its UMD wrapper sets {@code window.Plotly}.
 */
public final class PlotlyHtml {
  public static final String VERSION = "2.35.3";
  static final String RESOURCE = "/org/hamlab/kernel/display/plotly/plotly.min.js";
  private final AtomicBoolean loaderSent = new AtomicBoolean();
  private final AtomicLong ids = new AtomicLong();
  private final String session = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

  /** The bundle, or null when the build could not fetch it (then figures say so). */
  static String bundle() {
    try (InputStream in = PlotlyHtml.class.getResourceAsStream(RESOURCE)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** HTML showing the figure ({@code {"data": [...], "layout": {...}}} as JSON text). */
  public String figure(String plotlyJson) {
    String div = "hamlab-plot-" + session + "-" + ids.incrementAndGet();
    StringBuilder html = new StringBuilder();
    if (loaderSent.compareAndSet(false, true)) {
      html.append(loader());
    }
    html.append("<div id=\"").append(div).append("\" class=\"hamlab-plot\"></div>\n")
        .append("<script type=\"text/javascript\">(function () {\n")
        .append("  var fig = ").append(plotlyJson.replace("</", "<\\/")).append(";\n")
        .append("  var el = document.getElementById('").append(div).append("');\n")
        .append("  var tries = 0;\n")
        .append("  function draw() {\n")
        .append("    if (window.Plotly) { window.Plotly.newPlot(el, fig.data, fig.layout || {},")
        .append(" fig.config || {responsive: true}); return; }\n")
        .append("    if (++tries > 200) { el.textContent = 'plotly.js is not loaded: run the cell")
        .append(" with the first plot of this notebook again (it carries the library).'; return; }\n")
        .append("    setTimeout(draw, 50);\n")
        .append("  }\n  draw();\n})();</script>\n");
    return html.toString();
  }

  /** The loader script, emitted once per session (the ~4.6 MB bundle inline). */
  String loader() {
    String js = bundle();
    if (js == null) {
      return "<div style=\"color:#a00\">plotly.js " + VERSION + " was not bundled into this kernel"
          + " (build with ./hamlab build, which fetches it from npm); plots cannot be drawn.</div>\n";
    }
    String safe = js.replace("</script", "<\\/script");
    // One copy of the bundle, run as a CommonJS factory: registered as AMD module "plotly" when
    // RequireJS is on the page, called directly otherwise; either way window.Plotly is set.
    return "<script type=\"text/javascript\">\n"
        + "(function () {\n"
        + "  if (typeof window.Plotly !== 'undefined') { return; }\n"
        + "  function factory(require, exports, module) {\n" + safe + "\n  }\n"
        + "  if (typeof define === 'function' && define.amd) {\n"
        + "    require.undef('plotly');\n"
        + "    define('plotly', ['require', 'exports', 'module'], factory);\n"
        + "    require(['plotly'], function (P) { window.Plotly = P; });\n"
        + "  } else {\n"
        + "    var m = {exports: {}};\n"
        + "    factory(null, m.exports, m);\n"
        + "    window.Plotly = m.exports;\n"
        + "  }\n"
        + "})();\n</script>\n";
  }
}

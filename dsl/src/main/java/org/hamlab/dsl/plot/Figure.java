package org.hamlab.dsl.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hamlab.dsl.display.Displayable;

/**
 * An immutable figure: a title, two axis titles and a list of {@link Layer}s. It renders itself
 * as Plotly JSON and offline HTML (through tablesaw-jsplot, {@link PlotlyJson}) and as a static
 * PNG (through JFreeChart, {@link PngRenderer}).
 *
 * <p>Options are chained and return a new figure: {@code plot(orbit).title("DW").logY(true)}.
 * Make figures with the verbs of {@link org.hamlab.dsl.Hamlab} or with {@link #of}.
 */
public final class Figure implements Displayable {
  /** Default size in pixels (Tablesaw's default layout is 700 × 450). */
  public static final int DEFAULT_WIDTH = 700, DEFAULT_HEIGHT = 450;

  private final String title, xTitle, yTitle;
  private final boolean logY, equalAxes;
  private final int width, height;
  private final List<Layer> layers;

  private Figure(String title, String xTitle, String yTitle, boolean logY, boolean equalAxes,
      int width, int height, List<Layer> layers) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.logY = logY;
    this.equalAxes = equalAxes;
    this.width = width;
    this.height = height;
    this.layers = List.copyOf(layers);
  }

  /** A figure with the given titles and layers (linear axes, default size). */
  public static Figure of(String title, String xTitle, String yTitle, List<? extends Layer> layers) {
    if (layers.isEmpty()) throw new IllegalArgumentException("a figure needs at least one layer");
    return new Figure(title, xTitle, yTitle, false, false, DEFAULT_WIDTH, DEFAULT_HEIGHT, new ArrayList<>(layers));
  }

  public Figure title(String t) {
    return new Figure(t, xTitle, yTitle, logY, equalAxes, width, height, layers);
  }

  public Figure xTitle(String t) {
    return new Figure(title, t, yTitle, logY, equalAxes, width, height, layers);
  }

  public Figure yTitle(String t) {
    return new Figure(title, xTitle, t, logY, equalAxes, width, height, layers);
  }

  /** Logarithmic y axis (loss curves, errors). */
  public Figure logY(boolean on) {
    return new Figure(title, xTitle, yTitle, on, equalAxes, width, height, layers);
  }

  /** Same scale on both axes (phase portraits). */
  public Figure equalAxes(boolean on) {
    return new Figure(title, xTitle, yTitle, logY, on, width, height, layers);
  }

  /** Size in pixels, for HTML and PNG. */
  public Figure size(int widthPx, int heightPx) {
    if (widthPx < 50 || heightPx < 50 || widthPx > 8000 || heightPx > 8000) {
      throw new IllegalArgumentException("size must be 50..8000 pixels per side, got " + widthPx + " × " + heightPx);
    }
    return new Figure(title, xTitle, yTitle, logY, equalAxes, widthPx, heightPx, layers);
  }

  /** This figure with the layers of {@code other} drawn on top (titles of this one). */
  public Figure overlay(Figure other) {
    List<Layer> all = new ArrayList<>(layers);
    all.addAll(other.layers);
    return new Figure(title, xTitle, yTitle, logY, equalAxes, width, height, all);
  }

  public String title() { return title; }

  public String xTitle() { return xTitle; }

  public String yTitle() { return yTitle; }

  public boolean isLogY() { return logY; }

  public boolean isEqualAxes() { return equalAxes; }

  public int width() { return width; }

  public int height() { return height; }

  public List<Layer> layers() { return layers; }

  /** Plotly figure JSON {@code {"data": [...], "layout": {...}}}, for plotly.js 2.x. */
  public String json() {
    return PlotlyJson.of(this);
  }

  /**
   * A {@code <div>} plus a {@code <script>} that draws the figure once {@code window.Plotly} exists
   * (the host page, e.g. a notebook, loads plotly.js once).
   */
  public String div() {
    return PlotlyJson.div(this);
  }

  /** A standalone HTML page that works offline: plotly.js 2.35.3 is inlined. */
  public String html() {
    return PlotlyJson.page(this);
  }

  /** The figure as a PNG image of {@link #width()} × {@link #height()} pixels. */
  public byte[] png() {
    return PngRenderer.render(this);
  }

  /** Writes the figure; the extension chooses the format: .html, .png or .json. Returns the path. */
  public Path save(String path) {
    return save(Path.of(path));
  }

  /** Writes the figure; the extension chooses the format: .html, .png or .json. Returns the path. */
  public Path save(Path path) {
    String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    try {
      if (path.toAbsolutePath().getParent() != null) Files.createDirectories(path.toAbsolutePath().getParent());
      if (name.endsWith(".html") || name.endsWith(".htm")) {
        Files.writeString(path, html(), StandardCharsets.UTF_8);
      } else if (name.endsWith(".png")) {
        Files.write(path, png());
      } else if (name.endsWith(".json")) {
        Files.writeString(path, json(), StandardCharsets.UTF_8);
      } else {
        throw new IllegalArgumentException("cannot tell the format of '" + path + "'; end the name with .html, .png or .json");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    m.put("image/png", Base64.getEncoder().encodeToString(png()));
    m.put("application/vnd.plotly.v1+json", json());
    m.put("text/html", div());
    return m;
  }

  @Override
  public String toString() {
    String names = layers.stream().map(Layer::name).collect(Collectors.joining(", "));
    return "Figure \"" + title + "\": " + layers.size() + (layers.size() == 1 ? " layer" : " layers") + " (" + names
        + "); x: " + xTitle + ", y: " + yTitle + (logY ? " (log)" : "") + "; " + width + "×" + height
        + " px. save(\"f.html\" | \"f.png\" | \"f.json\")";
  }
}

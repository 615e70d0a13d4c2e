package org.hamlab.dsl.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js 2.35.3 (MIT), from the class-path resource {@code org/hamlab/dsl/plotly.min.js}.
 *
 * <p>The file is fetched once from the npm registry by {@code ./hamlab} ({@code fetch_plotly}:
 * {@code npm pack plotly.js-dist-min@2.35.3} into {@code target/plotly/}) and copied into the dsl
 * jar by the Maven build; it is never committed and never loaded from a CDN. Version 2.x is
 * required: plotly.js ≥ 3 drops the string titles tablesaw-jsplot writes (libraries.md §2.2).
 * The Jupyter kernel embeds the same file once per notebook.
 */
public final class PlotlyBundle {
  public static final String VERSION = "2.35.3";
  public static final String RESOURCE = "/org/hamlab/dsl/plotly.min.js";
  private static volatile String cached;

  private PlotlyBundle() {}

  /** True when the bundle is on the class path. */
  public static boolean available() {
    return PlotlyBundle.class.getResource(RESOURCE) != null;
  }

  /** The minified plotly.js source. */
  public static String js() {
    String s = cached;
    if (s != null) return s;
    try (InputStream in = PlotlyBundle.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
            + "). Build with ./hamlab build (it fetches it once with `npm pack plotly.js-dist-min@" + VERSION
            + "`), or put plotly.min.js " + VERSION + " into target/plotly/ and rebuild.");
      }
      s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      cached = s;
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.hamlab.kernel.display;

import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.Arrays;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;

/**
 * Chooses how a value appears in the notebook: {@link Displayable} objects by their MIME bundle
 * (plotly JSON parsed, plus offline HTML from {@link PlotlyHtml}), Tablesaw tables as HTML
 * (matched by class name, so a table from a {@code %maven} jar works too), images as PNG
 * (basekernel's renderer), arrays element-wise, anything else as text.
 */
public final class DisplayRenderer {
  public static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";
  private static final String TABLE_CLASS = "tech.tablesaw.api.Table";
  private final Renderer fallback;
  private final PlotlyHtml plotly;

  public DisplayRenderer(Renderer fallback, PlotlyHtml plotly) {
    this.fallback = fallback;
    this.plotly = plotly;
  }

  /** The MIME bundle for {@code value} (never null). */
  public DisplayData render(Object value) {
    if (value instanceof DisplayData d) {
      return d;
    }
    if (value instanceof Displayable d) {
      return fromBundle(d.mimeBundle());
    }
    if (isA(value.getClass(), TABLE_CLASS)) {
      return TableHtml.render(value);
    }
    if (value.getClass().isArray()) {
      return new DisplayData(arrayText(value));
    }
    return fallback.render(value);
  }

  /** A bundle with only the requested MIME types (plus text/plain). */
  public DisplayData renderAs(Object value, String... mimeTypes) {
    if (mimeTypes.length == 0) {
      return render(value);
    }
    DisplayData all = render(value);
    DisplayData some = new DisplayData();
    for (String m : mimeTypes) {
      Object v = all.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.parse(m));
      if (v != null) {
        some.putData(m, v);
      }
    }
    if (some.getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN) == null) {
      some.putText(String.valueOf(all.getData(
          io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)));
    }
    return some;
  }

  DisplayData fromBundle(Map<String, String> bundle) {
    DisplayData d = new DisplayData();
    for (Map.Entry<String, String> e : bundle.entrySet()) {
      String mime = e.getKey();
      if (isJson(mime)) {
        d.putData(mime, new JsonParser().parse(e.getValue()));
      } else {
        d.putData(mime, e.getValue());
      }
    }
    String fig = bundle.get(PLOTLY_MIME);
    if (fig != null) {
      d.putData("text/html", plotly.figure(fig));
    }
    if (!bundle.containsKey("text/plain")) {
      d.putText(fig != null ? "plotly figure" : "(no text form)");
    }
    return d;
  }

  static boolean isJson(String mime) {
    return mime.equals("application/json") || mime.endsWith("+json");
  }

  static boolean isA(Class<?> c, String name) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      if (k.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  static String arrayText(Object array) {
    return switch (array) {
      case double[] a -> Arrays.toString(a);
      case float[] a -> Arrays.toString(a);
      case long[] a -> Arrays.toString(a);
      case int[] a -> Arrays.toString(a);
      case short[] a -> Arrays.toString(a);
      case byte[] a -> Arrays.toString(a);
      case char[] a -> Arrays.toString(a);
      case boolean[] a -> Arrays.toString(a);
      case Object[] a -> Arrays.deepToString(a);
      default -> String.valueOf(array);
    };
  }
}

package org.hamlab.dsl.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Renders a {@link Figure} through tablesaw-jsplot and turns Tablesaw's JavaScript object literals
 * into Plotly JSON (kernel.md §5.3): Jackson with lenient reading (single quotes, unquoted names,
 * trailing commas), then normalised: numeric strings become numbers, NaN becomes null, HTML
 * entities are decoded and string titles become {@code {"text": …}}. Options jsplot cannot
 * express (colour scale, log colour bar, contour bands, equal axes) are added to the tree.
 */
final class PlotlyJson {
  private static final JsonMapper LENIENT = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();
  private static final JsonMapper STRICT = new JsonMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private PlotlyJson() {}

  /** The jsplot figure (a fresh, mutable Tablesaw object). */
  static tech.tablesaw.plotly.components.Figure tablesaw(Figure f) {
    Axis.AxisBuilder y = Axis.builder().title(f.yTitle());
    if (f.isLogY()) y.type(Axis.Type.LOG);
    Layout layout = Layout.builder(f.title()).width(f.width()).height(f.height()).showLegend(true)
        .xAxis(Axis.builder().title(f.xTitle()).build()).yAxis(y.build()).build();
    Trace[] traces = new Trace[f.layers().size()];
    for (int i = 0; i < traces.length; i++) traces[i] = trace(f.layers().get(i));
    return new tech.tablesaw.plotly.components.Figure(layout, traces);
  }

  private static Trace trace(Layer layer) {
    return switch (layer) {
      case Layer.Curve c -> {
        ScatterTrace.ScatterBuilder b = ScatterTrace.builder(c.x(), c.y()).name(c.name()).showLegend(true);
        if (c.style() == Layer.Style.MARKERS) {
          b.mode(ScatterTrace.Mode.MARKERS).marker(Marker.builder().size(3).color(c.color()).build());
        } else {
          Line.LineBuilder lb = Line.builder().color(c.color()).width(1.5);
          if (c.style() == Layer.Style.DASH) lb.dash(Line.Dash.DASH);
          b.mode(ScatterTrace.Mode.LINE).line(lb.build());
        }
        yield b.build();
      }
      case Layer.Arrows a -> {
        double[][] xy = a.polyline();
        yield ScatterTrace.builder(xy[0], xy[1]).name(a.name()).showLegend(true).mode(ScatterTrace.Mode.LINE)
            .line(Line.builder().color(a.color()).width(1).build()).build();
      }
      case Layer.Field fl -> HeatmapTrace.builder(boxed(fl.x()), boxed(fl.y()), fl.log10()).build();
    };
  }

  /** The Plotly JSON tree {@code {"data": [...], "layout": {...}}}. */
  static ObjectNode tree(Figure f) {
    tech.tablesaw.plotly.components.Figure tf = tablesaw(f);
    ArrayNode data = F.arrayNode();
    Trace[] traces = tf.getTraces();
    for (int i = 0; i < traces.length; i++) {
      ObjectNode t = (ObjectNode) normalise(parseObject(traces[i].asJavascript(i)));
      data.add(t);
      if (f.layers().get(i) instanceof Layer.Field fl) decorateField(t, fl, data);
    }
    ObjectNode layout = (ObjectNode) normalise(parseObject(tf.getLayout().asJavascript()));
    if (f.isEqualAxes()) ((ObjectNode) layout.with("yaxis")).put("scaleanchor", "x").put("scaleratio", 1);
    ObjectNode root = F.objectNode();
    root.set("data", data);
    root.set("layout", layout);
    return root;
  }

  static String of(Figure f) {
    try {
      return STRICT.writeValueAsString(tree(f));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String div(Figure f) {
    String id = "hamlab-" + UUID.randomUUID();
    String json = of(f).replace("</", "<\\/");
    return "<div id=\"" + id + "\" style=\"width:" + f.width() + "px;height:" + f.height() + "px\"></div>\n"
        + "<script>(function(){var fig=" + json + ";"
        + "function draw(){if(window.Plotly){window.Plotly.newPlot('" + id + "',fig.data,fig.layout,"
        + "{displaylogo:false});}else{setTimeout(draw,50);}}draw();})();</script>";
  }

  static String page(Figure f) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(f.title()) + "</title>\n"
        + "<script>/* plotly.js " + PlotlyBundle.VERSION + " (MIT) */\n" + PlotlyBundle.js().replace("</script", "<\\/script")
        + "\n</script></head>\n<body>\n" + div(f) + "\n</body></html>\n";
  }

  /** Log colour scale with ticks at the band levels and dashed contour lines on them (paper.md §8.3). */
  private static void decorateField(ObjectNode t, Layer.Field fl, ArrayNode data) {
    double lo = Math.log10(fl.levels()[0]), hi = Math.log10(fl.levels()[fl.levels().length - 1]);
    t.put("name", fl.name()).put("colorscale", "Viridis").put("zmin", lo).put("zmax", hi);
    ObjectNode bar = t.putObject("colorbar");
    bar.putObject("title").put("text", fl.name());
    ArrayNode vals = bar.putArray("tickvals"), text = bar.putArray("ticktext");
    for (double level : fl.levels()) {
      vals.add(Math.log10(level));
      text.add(String.format(java.util.Locale.ROOT, "%.0e", level).replace("e+00", "").replace("e-0", "e-"));
    }
    ObjectNode c = data.addObject();
    c.put("type", "contour").put("name", "bands").put("showscale", false).put("hoverinfo", "skip")
        .put("showlegend", false);
    c.set("x", t.get("x"));
    c.set("y", t.get("y"));
    c.set("z", t.get("z"));
    c.putObject("contours").put("coloring", "none").put("start", lo).put("end", hi).put("size", 1.0);
    c.putObject("line").put("color", "white").put("dash", "dash").put("width", 1);
  }

  private static JsonNode parseObject(String js) {
    int from = js.indexOf('{'), to = js.lastIndexOf('}');
    if (from < 0 || to < from) throw new IllegalStateException("no object literal in Tablesaw output: " + js);
    try {
      return LENIENT.readTree(js.substring(from, to + 1));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not read Tablesaw's JavaScript as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Numeric strings → numbers, NaN → null, HTML entities decoded, string titles → {text}. */
  static JsonNode normalise(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      ObjectNode out = F.objectNode();
      JsonNode titleFont = o.get("titlefont");
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("titlefont")) continue;
        JsonNode v = normalise(e.getValue());
        if (e.getKey().equals("title") && v.isTextual()) {
          ObjectNode t = F.objectNode().put("text", v.asText());
          if (titleFont != null) t.set("font", normalise(titleFont));
          v = t;
        }
        out.set(e.getKey(), v);
      }
      return out;
    }
    if (n.isArray()) {
      ArrayNode out = F.arrayNode();
      for (JsonNode v : n) {
        if (v.isTextual()) out.add(number(v.asText()));
        else out.add(normalise(v));
      }
      return out;
    }
    if (n.isNumber() && !Double.isFinite(n.asDouble())) return F.nullNode();
    if (n.isTextual()) return F.textNode(unescape(n.asText()));
    return n;
  }

  private static JsonNode number(String s) {
    if (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity")) return F.nullNode();
    try {
      return F.numberNode(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return F.textNode(unescape(s));
    }
  }

  private static String unescape(String s) {
    if (s.indexOf('&') < 0) return s;
    return s.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&#x27;", "'").replace("&#34;", "\"").replace("&amp;", "&");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static Object[] boxed(double[] v) {
    Object[] o = new Object[v.length];
    for (int i = 0; i < v.length; i++) o[i] = v[i];
    return o;
  }
}

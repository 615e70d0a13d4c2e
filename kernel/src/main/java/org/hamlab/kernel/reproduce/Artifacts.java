package org.hamlab.kernel.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.hamlab.dsl.plot.PlotlyBundle;

/**
 * The files of an executed notebook: every figure as PNG and offline HTML (plotly.js inlined),
 * every table as CSV and Markdown, every provenance record as JSON, and a simple HTML rendering
 * of the whole notebook. Every file is written under a temporary name and then renamed.
 */
final class Artifacts {
  static final String PLOTLY = "application/vnd.plotly.v1+json";
  private static final JsonMapper JSON = new JsonMapper();

  private Artifacts() {}

  /** What was extracted from one notebook. */
  record Extracted(List<Path> figures, List<Path> tables, List<String> markdownTables, List<Path> provenance) {}

  /** Writes the figures, tables and provenance of notebook {@code name} under {@code out}. */
  static Extracted extract(JsonNode nb, String name, Path out) {
    List<Path> figs = new ArrayList<>(), tables = new ArrayList<>(), prov = new ArrayList<>();
    List<String> md = new ArrayList<>();
    int f = 0, t = 0, p = 0;
    for (JsonNode cell : nb.path("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        JsonNode data = o.path("data");
        if (data.has(PLOTLY)) {
          f++;
          String stem = name + "-fig" + f;
          if (data.has("image/png")) {
            Path png = out.resolve("figures").resolve(stem + ".png");
            write(png, Base64.getMimeDecoder().decode(text(data.get("image/png"))));
            figs.add(png);
          }
          Path html = out.resolve("figures").resolve(stem + ".html");
          write(html, figurePage(stem, data.get(PLOTLY)).getBytes(StandardCharsets.UTF_8));
          figs.add(html);
        }
        if (data.has("text/csv")) {
          t++;
          Path csv = out.resolve("tables").resolve(name + "-table" + t + ".csv");
          write(csv, text(data.get("text/csv")).getBytes(StandardCharsets.UTF_8));
          tables.add(csv);
          if (data.has("text/markdown")) {
            String m = text(data.get("text/markdown"));
            Path mdp = out.resolve("tables").resolve(name + "-table" + t + ".md");
            write(mdp, m.getBytes(StandardCharsets.UTF_8));
            tables.add(mdp);
            md.add(m);
          }
        }
        if (data.has("application/json")) {
          p++;
          Path j = out.resolve("provenance").resolve(name + "-provenance" + p + ".json");
          write(j, pretty(data.get("application/json")).getBytes(StandardCharsets.UTF_8));
          prov.add(j);
        }
      }
    }
    return new Extracted(figs, tables, md, prov);
  }

  /** A standalone page for one Plotly figure; works offline. */
  static String figurePage(String title, JsonNode fig) {
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>\n<script>"
        + PlotlyBundle.js() + "</script></head>\n<body><div id=\"fig\"></div>\n<script>var fig = " + fig.toString()
        + ";\nPlotly.newPlot('fig', fig.data, fig.layout || {}, fig.config || {});</script></body></html>\n";
  }

  /** A simple HTML rendering of an executed notebook: markdown as preformatted text, code, outputs. */
  static String notebookPage(JsonNode nb, String title) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(esc(title)).append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:auto}"
            + "pre{background:#f6f8fa;padding:8px;overflow-x:auto}.out{border-left:3px solid #ccc;padding-left:8px}"
            + ".md{white-space:pre-wrap;font-family:sans-serif;background:none}.err{color:#b00}</style>\n<script>")
        .append(PlotlyBundle.available() ? PlotlyBundle.js() : "").append("</script></head><body>\n");
    for (JsonNode cell : nb.path("cells")) {
      String src = text(cell.path("source"));
      if (cell.path("cell_type").asText().equals("markdown")) {
        b.append("<pre class=\"md\">").append(esc(src)).append("</pre>\n");
        continue;
      }
      b.append("<pre>").append(esc(src)).append("</pre>\n<div class=\"out\">");
      for (JsonNode o : cell.path("outputs")) {
        String type = o.path("output_type").asText();
        if (type.equals("stream")) {
          b.append("<pre>").append(esc(text(o.path("text")))).append("</pre>");
        } else if (type.equals("error")) {
          b.append("<pre class=\"err\">").append(esc(o.path("evalue").asText())).append("</pre>");
        } else {
          JsonNode d = o.path("data");
          if (d.has("text/html")) {
            b.append(text(d.get("text/html")));
          } else if (d.has("image/png")) {
            b.append("<img src=\"data:image/png;base64,").append(text(d.get("image/png")).strip()).append("\">");
          } else if (d.has("application/json")) {
            b.append("<pre>").append(esc(pretty(d.get("application/json")))).append("</pre>");
          } else {
            b.append("<pre>").append(esc(text(d.path("text/plain")))).append("</pre>");
          }
        }
      }
      b.append("</div>\n");
    }
    return b.append("</body></html>\n").toString();
  }

  /** nbformat text: a string or a list of lines. */
  static String text(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) return "";
    if (n.isArray()) {
      StringBuilder b = new StringBuilder();
      n.forEach(x -> b.append(x.asText()));
      return b.toString();
    }
    return n.isTextual() ? n.asText() : n.toString();
  }

  static String pretty(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Writes {@code bytes} to a temporary file next to {@code path}, then renames it into place. */
  static void write(Path path, byte[] bytes) {
    try {
      Path dir = path.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }
}

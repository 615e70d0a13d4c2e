package org.hamlab.dsl.plot;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureTest {
  private static final JsonMapper STRICT = new JsonMapper();
  @TempDir Path dir;

  private static Figure lines() {
    double[] x = {0, 1, 2, 3}, y = {1, 0.1, 0.01, 0.001};
    return Figure.of("Loss it's \"fine\" <ok>", "epoch", "loss", List.of(
        new Layer.Curve("adjoint", x, y, Layer.Style.LINE, "#1f77b4"),
        new Layer.Curve("backprop", x, new double[] {1, Double.NaN, 0.02, 0.002}, Layer.Style.DASH, "#d62728"))).logY(true);
  }

  private static Figure field() {
    double[] x = {-1, 0, 1}, y = {-1, 1};
    double[][] z = {{1e-5, 1e-3, 0.5}, {2, Double.NaN, 1e-2}};
    return Figure.of("Error map", "q", "p", List.of(new Layer.Field("|ΔH|", x, y, z, new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1})));
  }

  @Test
  void jsonIsStrictPlotlyJsonWithTitlesAndTraces() throws Exception {
    JsonNode root = STRICT.readTree(lines().json());
    assertEquals("Loss it's \"fine\" <ok>", root.at("/layout/title/text").asText());
    assertEquals("epoch", root.at("/layout/xaxis/title/text").asText());
    assertEquals("loss", root.at("/layout/yaxis/title/text").asText());
    assertEquals("log", root.at("/layout/yaxis/type").asText());
    assertEquals(2, root.get("data").size());
    JsonNode t0 = root.get("data").get(0);
    assertEquals("adjoint", t0.get("name").asText());
    assertEquals("scatter", t0.get("type").asText());
    assertTrue(t0.get("x").get(1).isNumber(), "numbers, not Tablesaw's quoted strings");
    assertEquals(0.1, t0.get("y").get(1).asDouble());
    assertTrue(root.get("data").get(1).get("y").get(1).isNull(), "NaN becomes null");
    assertEquals("dash", root.get("data").get(1).at("/line/dash").asText());
  }

  @Test
  void fieldsHaveALogColourScaleAndBandContours() throws Exception {
    JsonNode data = STRICT.readTree(field().json()).get("data");
    JsonNode heat = data.get(0), bands = data.get(1);
    assertEquals("heatmap", heat.get("type").asText());
    assertEquals(-4, heat.get("zmin").asDouble(), 1e-12);
    assertEquals(0, heat.get("zmax").asDouble(), 1e-12);
    assertEquals(-5, heat.get("z").get(0).get(0).asDouble(), 1e-12, "z is log10 of the field");
    assertTrue(heat.get("z").get(1).get(1).isNull());
    assertEquals("1e-4", heat.at("/colorbar/ticktext/0").asText());
    assertEquals("contour", bands.get("type").asText());
    assertEquals(1.0, bands.at("/contours/size").asDouble());
  }

  @Test
  void pngDecodesAtTheRequestedSize() throws Exception {
    for (Figure f : List.of(lines(), field().size(320, 240))) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(f.png()));
      assertNotNull(img);
      assertEquals(f.width(), img.getWidth());
      assertEquals(f.height(), img.getHeight());
    }
  }

  @Test
  void htmlIsStandaloneAndOffline() throws Exception {
    assumeBundle();
    Path p = lines().save(dir.resolve("f.html"));
    String html = Files.readString(p);
    assertTrue(html.contains("plotly.js " + PlotlyBundle.VERSION));
    assertTrue(html.length() > 3_000_000, "plotly.js is inlined");
    assertFalse(html.contains("<script src"), "nothing is loaded from elsewhere (no CDN)");
    assertTrue(html.contains("Plotly.newPlot"));
  }

  private static void assumeBundle() {
    org.junit.jupiter.api.Assumptions.assumeTrue(PlotlyBundle.available(),
        "plotly.js is fetched by ./hamlab build (npm); run it once");
  }

  @Test
  void mimeBundleHasTheFourTypes() throws Exception {
    var m = lines().mimeBundle();
    assertEquals(List.of("text/plain", "image/png", "application/vnd.plotly.v1+json", "text/html"), List.copyOf(m.keySet()));
    assertNotNull(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.get("image/png")))));
    STRICT.readTree(m.get("application/vnd.plotly.v1+json"));
    assertTrue(m.get("text/html").contains("window.Plotly") && m.get("text/html").startsWith("<div id="));
    assertTrue(m.get("text/plain").startsWith("Figure \"Loss"));
  }

  @Test
  void optionsReturnNewFiguresAndBadOnesFail() {
    Figure f = lines();
    Figure g = f.title("other").size(400, 300);
    assertNotSame(f, g);
    assertEquals("Loss it's \"fine\" <ok>", f.title());
    assertEquals(400, g.width());
    assertThrows(IllegalArgumentException.class, () -> f.size(0, 10));
    assertThrows(IllegalArgumentException.class, () -> f.save(dir.resolve("f.gif")));
    assertThrows(IllegalArgumentException.class, () -> Figure.of("t", "x", "y", List.of()));
  }
}

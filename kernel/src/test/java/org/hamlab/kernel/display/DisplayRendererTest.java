package org.hamlab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.common.Image;
import io.github.spencerpark.jupyter.kernel.display.common.Text;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class DisplayRendererTest {
  static final String FIG = "{\"data\": [{\"x\": [1, 2], \"y\": [3, 4]}], \"layout\": {}}";

  private static DisplayRenderer renderer() {
    Renderer base = new Renderer();
    Text.registerAll(base);
    Image.registerAll(base);
    return new DisplayRenderer(base, new PlotlyHtml());
  }

  @Test
  void plotlyJsonIsParsedAndGetsOfflineHtml() {
    Displayable fig = () -> Map.of("text/plain", "fig", DisplayRenderer.PLOTLY_MIME, FIG,
        "image/png", "iVBORw0KGgo=");
    DisplayData d = renderer().render(fig);
    Object json = d.getData(MIMEType.parse(DisplayRenderer.PLOTLY_MIME));
    assertInstanceOf(JsonObject.class, json);
    assertEquals(4, ((JsonObject) json).getAsJsonArray("data").get(0).getAsJsonObject()
        .getAsJsonArray("y").get(1).getAsInt());
    assertEquals("iVBORw0KGgo=", d.getData(MIMEType.IMAGE_PNG));
    assertTrue(String.valueOf(d.getData(MIMEType.TEXT_HTML)).contains("Plotly.newPlot"));
  }

  @Test
  void theLoaderComesWithTheFirstFigureOnly() {
    DisplayRenderer r = renderer();
    Displayable fig = () -> Map.of(DisplayRenderer.PLOTLY_MIME, FIG);
    String first = String.valueOf(r.render(fig).getData(MIMEType.TEXT_HTML));
    String second = String.valueOf(r.render(fig).getData(MIMEType.TEXT_HTML));
    assertTrue(first.contains("define.amd"), "first figure must carry the AMD-aware loader");
    assertTrue(!second.contains("define.amd") && second.length() < 5_000);
  }

  @Test
  void tablesawTableBecomesAnHtmlTable() {
    Table t = Table.create("energies", DoubleColumn.create("h", 0.5, 1.5, 2.5));
    DisplayData d = renderer().render(t);
    String html = String.valueOf(d.getData(MIMEType.TEXT_HTML));
    assertTrue(html.contains("<th>h</th>") && html.contains("<td>1.5</td>"), html);
    assertTrue(html.contains("3 rows"), html);
  }

  @Test
  void longTablesShowHeadAndTail() {
    double[] v = new double[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    String html = String.valueOf(renderer().render(Table.create("t", DoubleColumn.create("i", v)))
        .getData(MIMEType.TEXT_HTML));
    assertEquals(TableHtml.HEAD + TableHtml.TAIL + 1, html.split("<tr>").length - 2);
    assertTrue(html.contains("<td>99</td>") && !html.contains("<td>50</td>"));
  }

  @Test
  void imagesBecomePngAndArraysReadableText() {
    DisplayRenderer r = renderer();
    assertTrue(r.render(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB))
        .hasDataForType(MIMEType.IMAGE_PNG));
    assertEquals("[1.0, 2.0]", r.render(new double[] {1, 2}).getData(MIMEType.TEXT_PLAIN));
  }
}

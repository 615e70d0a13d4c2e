package org.hamlab.dsl;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpJson;
import org.hamlab.engine.nn.MlpSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figure verbs produce the traces and titles the paper's figures need (paper.md §9). */
class FiguresTest {
  private static final JsonMapper JSON = new JsonMapper();
  @TempDir Path dir;

  private Model model() throws Exception {
    Path p = dir.resolve("m.json");
    MlpJson.write(Mlp.create(MlpSpec.of(1).withHidden(8).withSeed(2)), p, null);
    return loadModel(p.toString());
  }

  @Test
  void phasePortraitOfLearnedAndTrueFlows() throws Exception {
    var dw = system("double-well");
    var f = plot(rollout(model(), state(1.0, 0.5), 2.0), rollout(dw, state(1.0, 0.5), 2.0));
    JsonNode root = JSON.readTree(f.json());
    assertEquals("Phase portrait: learned vs true", root.at("/layout/title/text").asText());
    assertEquals(2, root.get("data").size());
    assertTrue(root.get("data").get(0).get("name").asText().startsWith("learned"));
    assertEquals("dash", root.get("data").get(0).at("/line/dash").asText());
    assertEquals(201, root.get("data").get(1).get("x").size());
  }

  @Test
  void vectorFieldAndErrorMaps() throws Exception {
    var dw = system("double-well");
    var m = model();
    JsonNode vf = JSON.readTree(vectorField(m, dw).json());
    assertEquals(2, vf.get("data").size());
    assertEquals(3 * 900, vf.get("data").get(0).get("x").size(), "one segment + gap per grid point");
    for (var set : new TestPoints[] {grid(), uniform(5000), gaussian(5000)}) {
      JsonNode map = JSON.readTree(plot(hamiltonianError(m, dw, set)).json());
      assertEquals("heatmap", map.at("/data/0/type").asText());
      assertTrue(map.at("/layout/title/text").asText().contains("±"));
    }
  }

  @Test
  void dataTimeSeriesDriftAndTables() throws Exception {
    var dw = system("double-well");
    var data = dw.trajectories(10).points(30);
    assertEquals(1, JSON.readTree(plot(data).json()).get("data").size());
    assertEquals(4, JSON.readTree(timeSeries(rollout(dw, state(1, 0), 1.0), rollout(dw, state(0.5, 0), 1.0)).json())
        .get("data").size());
    var drift = JSON.readTree(plot(energyDrift(dw, uniform(4), 1.0)).json());
    assertEquals("log", drift.at("/layout/yaxis/type").asText());
    var along = JSON.readTree(energyAlong(model(), dw.trajectories(8).points(50)).json());
    assertEquals(12, along.get("data").size(), "H_θ and H_true lines for 6 trajectories");
    var mem = tech.tablesaw.api.Table.create("memory",
        tech.tablesaw.api.DoubleColumn.create("length", new double[] {10, 100, 1000}),
        tech.tablesaw.api.DoubleColumn.create("adjoint_mb", new double[] {1, 1, 1}),
        tech.tablesaw.api.DoubleColumn.create("backprop_mb", new double[] {1, 10, 100}));
    JsonNode m = JSON.readTree(memoryPlot(mem, "length").json());
    assertEquals(2, m.get("data").size());
    assertThrows(IllegalArgumentException.class, () -> memoryPlot(mem, "len"));
    var use = memoryUse(model(), 10, 100, 1000);
    assertEquals(3, use.rowCount());
    double a10 = use.doubleColumn("adjoint_mb").get(0), a1000 = use.doubleColumn("adjoint_mb").get(2);
    double b10 = use.doubleColumn("backprop_mb").get(0), b1000 = use.doubleColumn("backprop_mb").get(2);
    assertTrue(b1000 / b10 > 50, "backprop memory grows with the length: " + use);
    assertTrue(a1000 / a10 < 2, "adjoint memory does not: " + use);
    assertEquals(3, JSON.readTree(memoryPlot(use, "steps").json()).get("data").size());
  }
}

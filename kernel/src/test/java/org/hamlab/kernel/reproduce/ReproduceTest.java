package org.hamlab.kernel.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process notebook runner: outputs as nbformat, files extracted, failures named. */
class ReproduceTest {
  private static final JsonMapper JSON = new JsonMapper();

  private static String notebook(String... cells) throws IOException {
    var root = JSON.createObjectNode();
    var arr = root.putArray("cells");
    arr.addObject().put("cell_type", "markdown").put("source", "# A test notebook").putObject("metadata");
    for (String c : cells) {
      var cell = arr.addObject();
      cell.put("cell_type", "code").putNull("execution_count");
      cell.putObject("metadata");
      cell.putArray("outputs");
      cell.put("source", c);
    }
    root.putObject("metadata").putObject("kernelspec").put("name", "hamlab").put("language", "java");
    root.put("nbformat", 4).put("nbformat_minor", 5);
    return JSON.writeValueAsString(root);
  }

  private static int run(Path nbs, Path out, ByteArrayOutputStream log) {
    var o = Reproduce.parse(new String[] {"--notebooks", nbs.toString(), "--out", out.toString(), "--scale", "quick",
        "--runner", "inprocess"});
    return new Reproduce(o, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void runsCellsInOneSessionAndWritesEveryArtifact(@TempDir Path tmp) throws IOException {
    Path nbs = Files.createDirectories(tmp.resolve("nbs"));
    Files.writeString(nbs.resolve("01-ok.ipynb"), notebook(
        "import tech.tablesaw.api.*;\nint x = 6 * 7;\nSystem.out.println(\"x = \" + x);",
        "var t = Table.create(\"numbers\", DoubleColumn.create(\"L\", 1, 2, 3), DoubleColumn.create(\"bytes\", 10, 20, 40));\n"
            + "Experiments.show(t)",
        "memoryPlot(t, \"L\")",
        "System.out.println(\"observed: \" + (x + 1));"));
    var log = new ByteArrayOutputStream();
    Path out = tmp.resolve("out");
    assertEquals(0, run(nbs, out, log), log.toString(StandardCharsets.UTF_8));

    JsonNode nb = JSON.readTree(out.resolve("notebooks/01-ok.ipynb").toFile());
    JsonNode cells = nb.get("cells");
    assertEquals("x = 42\n", cells.get(1).get("outputs").get(0).get("text").asText());
    JsonNode table = cells.get(2).get("outputs").get(0);
    assertEquals("execute_result", table.get("output_type").asText());
    assertTrue(table.get("data").get("text/csv").asText().contains("L,bytes"));
    JsonNode fig = cells.get(3).get("outputs").get(0).get("data");
    assertTrue(fig.get(Artifacts.PLOTLY).isObject(), "Plotly JSON must be a parsed object, not a string");
    assertTrue(fig.has("image/png"));

    assertTrue(Files.size(out.resolve("figures/01-ok-fig1.png")) > 0);
    assertTrue(Files.readString(out.resolve("figures/01-ok-fig1.html")).contains("Plotly.newPlot"));
    assertTrue(Files.readString(out.resolve("tables/01-ok-table1.csv")).startsWith("L,bytes"));
    assertTrue(Files.readString(out.resolve("tables/01-ok-table1.md")).contains("| L | bytes |"));
    String summary = Files.readString(out.resolve("SUMMARY.md"));
    assertTrue(summary.contains("observed: 43"), summary);
    assertTrue(summary.contains("| 01-ok | A test notebook |"), summary);
    assertTrue(files(out).stream().noneMatch(p -> p.getFileName().toString().contains(".tmp")));
  }

  @Test
  void aFailingCellStopsTheRunAndIsNamed(@TempDir Path tmp) throws IOException {
    Path nbs = Files.createDirectories(tmp.resolve("nbs"));
    Files.writeString(nbs.resolve("01-bad.ipynb"), notebook("int a = 1;", "system(\"no-such-system\")", "int b = 2;"));
    Files.writeString(nbs.resolve("02-never.ipynb"), notebook("int c = 3;"));
    var log = new ByteArrayOutputStream();
    Path out = tmp.resolve("out");
    assertEquals(1, run(nbs, out, log));
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("notebook 01-bad, code cell 2"), text);
    JsonNode nb = JSON.readTree(out.resolve("notebooks/01-bad.ipynb").toFile());
    JsonNode err = nb.get("cells").get(2).get("outputs").get(0);
    assertEquals("error", err.get("output_type").asText());
    assertTrue(err.get("evalue").asText().contains("no-such-system"), err.toString());
    assertFalse(Files.exists(out.resolve("notebooks/02-never.ipynb")), "the run must stop at the first failure");
    assertTrue(Files.readString(out.resolve("SUMMARY.md")).contains("FAILED"));
  }
}

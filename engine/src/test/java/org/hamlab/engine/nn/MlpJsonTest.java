package org.hamlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpJsonTest {
  @TempDir Path dir;

  @Test
  void roundTripIsExactAndUsesPyTorchLayout() throws IOException {
    Mlp mlp = Mlp.create(MlpSpec.of(2).withHidden(3, 4).withOutputBias(true).withSeed(5)
        .withActivation(Activation.SOFTPLUS));
    Path file = dir.resolve("model.json");
    MlpJson.write(mlp, file, "{\"run\": \"abc\", \"epochs\": [1, 2]}");
    Mlp back = MlpJson.read(file);
    assertArrayEquals(mlp.parameters(), back.parameters());
    assertEquals(mlp.spec().withSeed(0), back.spec());
    assertEquals("{\"run\":\"abc\",\"epochs\":[1,2]}", MlpJson.provenance(file));

    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals("[\"q1\",\"q2\",\"p1\",\"p2\"]", root.get("inputOrder").toString());
    assertEquals("[4,3,4,1]", root.get("sizes").toString());
    double[] t = mlp.parameters();
    // layers[1].weight[j][i] is W_1[j][i] = θ[weightOffset(1) + j*3 + i]
    assertEquals(t[mlp.weightOffset(1) + 2 * 3 + 1],
        root.get("layers").get(1).get("weight").get(2).get(1).asDouble());
    assertEquals(t[mlp.biasOffset(2)], root.get("layers").get(2).get("bias").get(0).asDouble());
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void paperNetHasOneInputNamePerComponent() throws IOException {
    Path file = dir.resolve("m.json");
    MlpJson.write(Mlp.create(MlpSpec.of(1)), file, null);
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals("[\"q\",\"p\"]", root.get("inputOrder").toString());
    assertEquals("tanh", root.get("activation").asText());
    assertEquals(4, root.get("layers").size());
    assertTrue(root.get("layers").get(3).get("bias") == null);
    assertEquals("{}", MlpJson.provenance(file));
  }

  private String refuse(UnaryOperator<String> corrupt) throws IOException {
    Path file = dir.resolve("bad.json");
    String good = MlpJson.toJson(Mlp.create(MlpSpec.of(1).withHidden(2, 3)), "{\"a\":1}");
    Files.writeString(file, corrupt.apply(good));
    IOException e = assertThrows(IOException.class, () -> MlpJson.read(file));
    assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    return e.getMessage();
  }

  @Test
  void corruptFilesAreRefusedWithAReason() throws IOException {
    assertTrue(refuse(s -> s.substring(0, s.length() / 2)).contains("not valid JSON"));
    assertTrue(refuse(s -> "").contains("empty file"));
    assertTrue(refuse(s -> "[1, 2]").contains("expected a JSON object"));
    assertTrue(refuse(s -> s.replace("hamlab-mlp/1", "hamlab-mlp/9"))
        .contains("unknown format 'hamlab-mlp/9'"));
    assertTrue(refuse(s -> s.replace("\"tanh\"", "\"relu\"")).contains("unknown activation"));
    assertTrue(refuse(s -> s.replace("\"outputBias\" : false", "\"outputBias\" : true"))
        .contains("layers[2].bias"));
    assertTrue(refuse(s -> s.replace("[ 2, 2, 3, 1 ]", "[ 2, 2, 4, 1 ]"))
        .contains("layers[1].weight must have 4 rows"));
    assertTrue(refuse(s -> s.replace("[ 2, 2, 3, 1 ]", "[ 2, 2, 1 ]"))
        .contains("\"layers\" must be an array of 2 layers"));
    assertTrue(refuse(s -> s.replace("\"q\", \"p\"", "\"p\", \"q\"")).contains("inputOrder"));
    assertTrue(refuse(s -> s.replaceFirst("\"weight\" : \\[ \\[ [-0-9.Ee]+",
        "\"weight\" : [ [ NaN")).contains("not valid JSON"));
    assertTrue(refuse(s -> s.replaceFirst("\"weight\" : \\[ \\[ [-0-9.Ee]+",
        "\"weight\" : [ [ \"NaN\"")).contains("layers[0].weight[0][0] must be a finite number"));
    assertTrue(refuse(s -> s.replaceFirst("\"weight\" : \\[ \\[ [-0-9.Ee]+",
        "\"weight\" : [ [ 1e999")).contains("finite number"));
    assertTrue(refuse(s -> s.replaceFirst("\"bias\" : \\[ [-0-9.Ee]+, ", "\"bias\" : [ "))
        .contains("layers[0].bias must be an array of 2 numbers, got 1 entries"));
  }

  @Test
  void provenanceMustBeAnObject() {
    Mlp mlp = Mlp.create(MlpSpec.of(1).withHidden(2));
    assertThrows(IllegalArgumentException.class, () -> MlpJson.toJson(mlp, "[1]"));
    assertThrows(IllegalArgumentException.class, () -> MlpJson.toJson(mlp, "{oops"));
  }
}

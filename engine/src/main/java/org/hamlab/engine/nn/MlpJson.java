package org.hamlab.engine.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The model file format {@code hamlab-mlp/1} for {@link Mlp}: a JSON object
 *
 * <pre>{@code
 * {"format": "hamlab-mlp/1", "activation": "tanh", "sizes": [2,16,32,16,1], "outputBias": false,
 *  "inputOrder": ["q","p"],
 *  "layers": [{"weight": [[...], ...], "bias": [...]}, ..., {"weight": [[...]]}],
 *  "provenance": {...}}
 * }</pre>
 *
 * Weights are row-major, out × in, exactly as PyTorch's nn.Linear stores them (so a state dict
 * converts one to one, paper.md §13); the output layer has a bias only if {@code outputBias}.
 * {@code inputOrder} names the input components: {@code ["q","p"]} for d = 1,
 * {@code ["q1",…,"qd","p1",…,"pd"]} otherwise. {@code provenance} is any JSON object, passed
 * through unchanged. Files are written atomically (temporary file, then rename) and validated on
 * read: a corrupt, truncated or inconsistent file is refused with a message naming the problem.
 */
public final class MlpJson {
  /** The format tag this class writes and reads. */
  public static final String FORMAT = "hamlab-mlp/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private MlpJson() {}

  /**
   * Writes {@code mlp} to {@code path} atomically.
   *
   * @param provenanceJson a JSON object (as text) stored under "provenance"; null for {@code {}}
   */
  public static void write(Mlp mlp, Path path, String provenanceJson) throws IOException {
    String text = toJson(mlp, provenanceJson);
    Path dir = path.toAbsolutePath().getParent();
    if (dir != null) Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, path.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The model as JSON text (what {@link #write} stores). */
  public static String toJson(Mlp mlp, String provenanceJson) {
    MlpSpec spec = mlp.spec();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("activation", spec.activation().id());
    int[] sizes = spec.sizes();
    ArrayNode s = root.putArray("sizes");
    for (int v : sizes) s.add(v);
    root.put("outputBias", spec.outputBias());
    ArrayNode order = root.putArray("inputOrder");
    for (String name : inputOrder(spec.dof())) order.add(name);
    ArrayNode layers = root.putArray("layers");
    double[] theta = mlp.parameters();
    for (int l = 0; l + 1 < sizes.length; l++) {
      ObjectNode layer = layers.addObject();
      ArrayNode weight = layer.putArray("weight");
      int w0 = mlp.weightOffset(l);
      for (int j = 0; j < sizes[l + 1]; j++) {
        ArrayNode row = weight.addArray();
        for (int i = 0; i < sizes[l]; i++) row.add(theta[w0 + j * sizes[l] + i]);
      }
      int b0 = mlp.biasOffset(l);
      if (b0 >= 0) {
        ArrayNode bias = layer.putArray("bias");
        for (int j = 0; j < sizes[l + 1]; j++) bias.add(theta[b0 + j]);
      }
    }
    root.set("provenance", provenance(provenanceJson));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not serialise the model", e);
    }
  }

  private static JsonNode provenance(String provenanceJson) {
    if (provenanceJson == null || provenanceJson.isBlank()) return JSON.createObjectNode();
    try {
      JsonNode p = JSON.readTree(provenanceJson);
      if (p == null || !p.isObject()) {
        throw new IllegalArgumentException("provenance must be a JSON object, got: "
            + abbreviate(provenanceJson));
      }
      return p;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("provenance is not valid JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /** Names of the input components: {@code [q, p]} for d = 1, else q1..qd, p1..pd. */
  public static List<String> inputOrder(int dof) {
    List<String> names = new ArrayList<>();
    if (dof == 1) return List.of("q", "p");
    for (int k = 1; k <= dof; k++) names.add("q" + k);
    for (int k = 1; k <= dof; k++) names.add("p" + k);
    return List.copyOf(names);
  }

  /** Reads a model file; the kernels compute in FLOAT64. */
  public static Mlp read(Path path) throws IOException {
    return read(path, Precision.FLOAT64);
  }

  /**
   * Reads and validates a model file.
   *
   * @throws IOException if the file cannot be read or is not a valid {@value #FORMAT} model; the
   *     message names the file and what is wrong
   */
  public static Mlp read(Path path, Precision precision) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    try {
      return fromJson(text, precision);
    } catch (IllegalArgumentException e) {
      throw new IOException("refusing model file " + path + ": " + e.getMessage(), e);
    }
  }

  /** The "provenance" object of a model file, as JSON text ({@code {}} if absent). */
  public static String provenance(Path path) throws IOException {
    JsonNode root = parse(Files.readString(path, StandardCharsets.UTF_8));
    JsonNode p = root.get("provenance");
    return p == null ? "{}" : p.toString();
  }

  /**
   * Parses model JSON text.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Mlp fromJson(String text, Precision precision) {
    JsonNode root = parse(text);
    String format = text(root, "format");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("unknown format '" + format + "'; this version reads "
          + FORMAT);
    }
    Activation activation = Activation.byId(text(root, "activation"));
    JsonNode sizesNode = root.get("sizes");
    if (sizesNode == null || !sizesNode.isArray() || sizesNode.size() < 3) {
      throw new IllegalArgumentException(
          "\"sizes\" must be an array [2d, h_1, ..., h_K, 1] with at least one hidden layer");
    }
    int[] sizes = new int[sizesNode.size()];
    for (int i = 0; i < sizes.length; i++) {
      JsonNode v = sizesNode.get(i);
      if (!v.isIntegralNumber() || v.asInt() <= 0) {
        throw new IllegalArgumentException("\"sizes\"[" + i + "] must be a positive integer, got "
            + v);
      }
      sizes[i] = v.asInt();
    }
    if (sizes[0] % 2 != 0 || sizes[sizes.length - 1] != 1) {
      throw new IllegalArgumentException("\"sizes\" must start with an even input dimension 2d"
          + " and end with 1, got " + sizesNode);
    }
    JsonNode biasNode = root.get("outputBias");
    if (biasNode == null || !biasNode.isBoolean()) {
      throw new IllegalArgumentException("\"outputBias\" must be true or false");
    }
    boolean outputBias = biasNode.asBoolean();
    int dof = sizes[0] / 2;
    List<String> expectedOrder = inputOrder(dof);
    JsonNode orderNode = root.get("inputOrder");
    List<String> order = new ArrayList<>();
    if (orderNode != null && orderNode.isArray()) orderNode.forEach(n -> order.add(n.asText()));
    if (!expectedOrder.equals(order)) {
      throw new IllegalArgumentException("\"inputOrder\" must be " + expectedOrder + " for d = "
          + dof + ", got " + orderNode);
    }
    JsonNode layers = root.get("layers");
    if (layers == null || !layers.isArray() || layers.size() != sizes.length - 1) {
      throw new IllegalArgumentException("\"layers\" must be an array of " + (sizes.length - 1)
          + " layers for sizes " + sizesNode + ", got "
          + (layers == null || !layers.isArray() ? "none" : layers.size()));
    }
    MlpSpec spec = new MlpSpec(dof, java.util.Arrays.stream(sizes, 1, sizes.length - 1).boxed()
        .toList(), activation, outputBias, precision, 0L);
    double[] theta = new double[spec.parameterCount()];
    int o = 0;
    for (int l = 0; l + 1 < sizes.length; l++) {
      JsonNode layer = layers.get(l);
      JsonNode weight = layer.get("weight");
      String where = "layers[" + l + "]";
      if (weight == null || !weight.isArray() || weight.size() != sizes[l + 1]) {
        throw new IllegalArgumentException(where + ".weight must have " + sizes[l + 1]
            + " rows (out × in = " + sizes[l + 1] + " × " + sizes[l] + "), got "
            + (weight == null || !weight.isArray() ? "none" : weight.size()));
      }
      for (int j = 0; j < sizes[l + 1]; j++) {
        o = numbers(weight.get(j), sizes[l], where + ".weight[" + j + "]", theta, o);
      }
      boolean hasBias = l + 2 < sizes.length || outputBias;
      JsonNode bias = layer.get("bias");
      if (hasBias) {
        o = numbers(bias, sizes[l + 1], where + ".bias", theta, o);
      } else if (bias != null) {
        throw new IllegalArgumentException(where + " is the output layer and \"outputBias\" is"
            + " false, but it has a bias");
      }
    }
    return Mlp.of(spec, theta);
  }

  private static int numbers(JsonNode node, int len, String where, double[] out, int o) {
    if (node == null || !node.isArray() || node.size() != len) {
      throw new IllegalArgumentException(where + " must be an array of " + len + " numbers, got "
          + (node == null ? "none" : node.isArray() ? node.size() + " entries" : node.toString()));
    }
    for (int i = 0; i < len; i++) {
      JsonNode v = node.get(i);
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw new IllegalArgumentException(where + "[" + i + "] must be a finite number, got "
            + v);
      }
      out[o++] = v.asDouble();
    }
    return o;
  }

  private static JsonNode parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON (truncated or corrupt?): "
          + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr(), e);
    }
    if (root == null || !root.isObject()) {
      boolean empty = root == null || root.isMissingNode();
      throw new IllegalArgumentException("expected a JSON object with \"format\": \"" + FORMAT
          + "\", got " + (empty ? "an empty file" : abbreviate(root.toString())));
    }
    return root;
  }

  private static String text(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field \"" + field + "\"");
    }
    return v.asText();
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}

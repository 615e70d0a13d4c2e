package org.hamlab.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * Model files: a JSON envelope {@code {"format": "hamlab-model/1", "system": …, "provenance": …,
 * "network": …}} around the engine's network JSON, so that a loaded model knows its system,
 * its training configuration and its history summary. A file that is not such an envelope, or
 * whose network part the engine refuses, is refused with the reason.
 */
final class ModelFiles {
  static final String FORMAT = "hamlab-model/1";
  private static final JsonMapper JSON = new JsonMapper();

  private ModelFiles() {}

  static Path write(Model m, Path path) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("system", m.system() == null ? "" : m.system().name());
    try {
      root.set("provenance", JSON.readTree(m.provenance().json()));
      root.set("network", JSON.readTree(EngineBridge.writeNetwork(m.hamiltonian(), m.config())));
      if (path.toAbsolutePath().getParent() != null) Files.createDirectories(path.toAbsolutePath().getParent());
      Files.writeString(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  /** Reads a model; {@code expected} (may be null) must be the system it was trained on. */
  static Model read(Path path, HamiltonianSystem expected) {
    if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no such model file: " + path.toAbsolutePath());
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(path + " is not a hamlab model: it is not valid JSON (" + e.getMessage()
          + "); it may be truncated or corrupt, save the model again", e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(path + " is not a hamlab model file (expected \"format\": \"" + FORMAT
          + "\"); save models with model.save(path)");
    }
    String systemName = root.path("system").asText("");
    if (expected != null && !systemName.isEmpty() && !systemName.equals(expected.name())) {
      throw new IllegalArgumentException(path + " holds a model of " + systemName + ", not of " + expected.name()
          + "; load it with loadModel(path, system(\"" + systemName + "\")) or compare it with that system");
    }
    Provenance prov = Provenance.read(root.path("provenance").toString());
    TrainConfig config = prov.trainConfig();
    if (config == null) throw new IllegalArgumentException(path + " has no training configuration in its provenance");
    ParametricHamiltonian h = EngineBridge.readNetwork(root.path("network").toString(), config);
    HamiltonianSystem system = expected != null ? expected
        : systemName.isEmpty() ? null : HamiltonianSystem.of(systemName);
    if (system != null && system.dof() != h.dof()) {
      throw new IllegalArgumentException(path + " has " + h.dof() + " degree(s) of freedom but " + system.name() + " has "
          + system.dof());
    }
    Fit fit = new Fit(h, EngineBridge.emptyHistory(), "loaded", OffsetDateTime.now());
    return Model.loaded(config, system, fit, path.toString());
  }
}

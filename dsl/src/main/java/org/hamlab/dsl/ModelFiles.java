package org.hamlab.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpJson;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * Model files in the engine's format ({@link MlpJson}, {@code "format": "hamlab-mlp/1"}), with
 * the DSL's record under {@code "provenance"}: {@code {"system": …, "hamlab": <OLCUT provenance
 * JSON>}}, so that a loaded model knows its system and its training configuration. The engine
 * refuses a corrupt network; a file written by the engine alone loads with an unknown system.
 */
final class ModelFiles {
  private static final JsonMapper JSON = new JsonMapper();

  private ModelFiles() {}

  static Path write(Model m, Path path) {
    if (!(m.hamiltonian() instanceof Mlp mlp)) {
      throw new IllegalStateException("only MLP models can be saved, this one is a " + m.hamiltonian().getClass().getSimpleName());
    }
    try {
      ObjectNode prov = JSON.createObjectNode();
      prov.put("system", m.system() == null ? "" : m.system().name());
      prov.set("hamlab", JSON.readTree(m.provenance().json()));
      MlpJson.write(mlp, path, prov.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  /** Reads a model; {@code expected} (may be null) must be the system it was trained on. */
  static Model read(Path path, HamiltonianSystem expected) {
    if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no such model file: " + path.toAbsolutePath());
    JsonNode prov;
    try {
      prov = JSON.readTree(MlpJson.provenance(path));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("refusing model file " + path + ": it is not valid JSON (" + e.getMessage()
          + "); it may be truncated or corrupt, save the model again", e);
    }
    String systemName = prov.path("system").asText("");
    if (expected != null && !systemName.isEmpty() && !systemName.equals(expected.name())) {
      throw new IllegalArgumentException(path + " holds a model of " + systemName + ", not of " + expected.name()
          + "; load it with loadModel(path, system(\"" + systemName + "\")) or compare it with that system");
    }
    TrainConfig config = null;
    if (prov.has("hamlab")) config = Provenance.read(prov.get("hamlab").toString()).trainConfig();
    ParametricHamiltonian h;
    try {
      h = MlpJson.read(path, EngineBridge.precision(config == null ? "float64" : config.precision));
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage() + "; save the model again", e);
    }
    if (config == null) {
      config = new TrainConfig();
      config.data = new DataConfig();
      config.data.source = "unknown";
      config.widths = ((Mlp) h).spec().hidden().stream().mapToInt(Integer::intValue).toArray();
      config.activation = ((Mlp) h).spec().activation().id();
    }
    HamiltonianSystem system = expected != null ? expected
        : systemName.isEmpty() ? null : HamiltonianSystem.of(systemName);
    if (system != null && system.dof() != h.dof()) {
      throw new IllegalArgumentException(path + " has " + h.dof() + " degree(s) of freedom but " + system.name() + " has "
          + system.dof() + "; it is a model of another system");
    }
    Fit fit = new Fit(h, EngineBridge.emptyHistory(), "loaded", OffsetDateTime.now());
    return Model.loaded(config, system, fit, path.toString());
  }
}

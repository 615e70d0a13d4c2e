package org.hamlab.dsl;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ProvenanceSerializationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamlab.dsl.display.Displayable;

/**
 * Where a data set, model or result came from: the full configuration (system, integrator,
 * gradient method, hyper-parameters, seed), metrics and versions, as Tribuo/OLCUT provenance
 * (libraries.md §1.2–1.3). {@code provenance(model)} shows it; {@link #json()} exports it with
 * OLCUT's {@code JsonProvenanceSerialization}; {@link #read} brings it back; {@code
 * retrain(provenance)} re-runs the training it records.
 */
public final class Provenance implements Displayable {
  private static final JsonProvenanceSerialization JSON = new JsonProvenanceSerialization(true);
  /** Version of the DSL, recorded in every provenance. */
  public static final String HAMLAB_VERSION = "0.1.0-SNAPSHOT";

  private final RunProvenance record;

  private Provenance(RunProvenance record) {
    this.record = record;
  }

  /** Provenance of a thing made by {@code className} from {@code config}, with metrics. */
  static Provenance of(String className, String configKey, ConfiguredObjectProvenance config,
      Map<String, Double> metrics, OffsetDateTime at) {
    return of(className, configKey, config, metrics, at, Map.of());
  }

  /** As above, with named text entries (e.g. the test set a result was measured on). */
  static Provenance of(String className, String configKey, ConfiguredObjectProvenance config,
      Map<String, Double> metrics, OffsetDateTime at, Map<String, String> entries) {
    Map<String, com.oracle.labs.mlrg.olcut.provenance.Provenance> m = new LinkedHashMap<>();
    m.put(ObjectProvenance.CLASS_NAME, new StringProvenance(ObjectProvenance.CLASS_NAME, className));
    m.put(configKey, config);
    m.put("hamlab-version", new StringProvenance("hamlab-version", HAMLAB_VERSION));
    m.put("java-version", new StringProvenance("java-version", System.getProperty("java.version")));
    m.put("os", new StringProvenance("os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
    m.put("arch", new StringProvenance("arch", System.getProperty("os.arch")));
    if (at != null) m.put("created", new DateTimeProvenance("created", at));
    metrics.forEach((k, v) -> m.put("metric-" + k, new DoubleProvenance("metric-" + k, v)));
    entries.forEach((k, v) -> m.put(k, new StringProvenance(k, v)));
    return new Provenance(new RunProvenance(m));
  }

  /** The OLCUT record. */
  public RunProvenance record() {
    return record;
  }

  /** The training configuration recorded here, or null when this is not a model's provenance. */
  TrainConfig trainConfig() {
    return rebuild("training", TrainConfig.class);
  }

  /** The data configuration recorded here (directly, or nested in the training configuration). */
  DataConfig dataConfig() {
    TrainConfig t = trainConfig();
    return t != null ? t.data : rebuild("data", DataConfig.class);
  }

  private <T> T rebuild(String key, Class<T> type) {
    if (!(record.get(key) instanceof ConfiguredObjectProvenance p)) return null;
    List<ConfigurationData> cfg = ProvenanceUtil.extractConfiguration(p);
    ConfigurationManager cm = new ConfigurationManager(new String[0], cfg,
        ConfigurationManager.EMPTY_OPTIONS, null, false);
    try {
      return type.cast(cm.lookup(ProvenanceUtil.computeName(p, 0)));
    } finally {
      cm.close();
    }
  }

  /** The provenance as OLCUT JSON (every value with its type, so it reads back exactly). */
  public String json() {
    return JSON.marshalAndSerialize(record);
  }

  /** Writes {@link #json()} to {@code path}; returns the path. */
  public Path save(String path) {
    try {
      Path p = Path.of(path);
      Files.writeString(p, json(), StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads provenance JSON written by {@link #json()}. */
  public static Provenance read(String json) {
    try {
      ObjectProvenance p = JSON.deserializeAndUnmarshal(json);
      if (!(p instanceof RunProvenance r)) {
        throw new IllegalArgumentException("this JSON holds a " + p.getClass().getSimpleName()
            + ", not hamlab provenance (RunProvenance)");
      }
      return new Provenance(r);
    } catch (ProvenanceSerializationException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("this JSON")) throw iae;
      throw new IllegalArgumentException("not readable provenance JSON (" + e + "); export it with provenance(x).json()", e);
    }
  }

  /** Reads a provenance file written by {@link #save}. */
  public static Provenance load(String path) {
    try {
      return read(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Provenance p && p.record.equals(record);
  }

  @Override
  public int hashCode() {
    return record.hashCode();
  }

  @Override
  public Map<String, String> mimeBundle() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", toString());
    m.put("application/json", json());
    return m;
  }

  @Override
  public String toString() {
    return ProvenanceUtil.formattedProvenanceString(record);
  }

  /**
   * The MIME bundle of a DSL object shown with its provenance: its summary as text, and as HTML
   * with the provenance folded underneath (how notebooks show models and data sets).
   */
  static Map<String, String> withProvenance(String summary, Provenance provenance) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("text/plain", summary);
    m.put("text/html", "<pre>" + escape(summary) + "</pre><details><summary>provenance</summary><pre>"
        + escape(provenance.toString()) + "</pre></details>");
    return m;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

package org.hamlab.dsl.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a sweep: every training option ({@link org.hamlab.dsl.RunOptions}) and the test set
 * its Hamiltonian error is measured on. Its JSON is what executors receive (never a closure,
 * distributed.md §2.7); its id is the SHA-256 of the canonical JSON of the options and test set,
 * so a run keeps its id across sweeps, machines and resumes.
 *
 * @param index position in the sweep (row of the result table)
 * @param options option name → value, sorted by name
 * @param test the test set of the Hamiltonian error: "grid:30", "uniform:100000", "gaussian:100000"
 */
public record RunSpec(int index, Map<String, Object> options, String test) {
  static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  public RunSpec {
    options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
  }

  /** Stable identity: the first 16 hex digits of SHA-256 over the canonical options and test set. */
  public String id() {
    try {
      Map<String, Object> m = new TreeMap<>(options);
      m.put("~test", test);
      byte[] d = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(m).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The value of option {@code name}, or null. */
  public Object option(String name) {
    return options.get(name);
  }

  /** {@code {"id": …, "index": …, "options": {…}, "test": …}} with keys sorted. */
  public String json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id());
    m.put("index", index);
    m.put("options", options);
    m.put("test", test);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads {@link #json()}; refuses JSON whose id does not match its options. */
  public static RunSpec fromJson(String json) {
    Map<String, Object> m;
    try {
      m = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a run spec (" + e.getOriginalMessage() + "): " + json, e);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> raw = (Map<String, Object>) m.get("options");
    if (raw == null) throw new IllegalArgumentException("run spec without options: " + json);
    Map<String, Object> options = new TreeMap<>();
    raw.forEach((k, v) -> options.put(k, k.equals("dataFile") || k.equals("dataHash") ? v
        : org.hamlab.dsl.RunOptions.normalize(k, v)));
    RunSpec s = new RunSpec(((Number) m.getOrDefault("index", 0)).intValue(), options, (String) m.get("test"));
    Object id = m.get("id");
    if (id != null && !id.equals(s.id())) {
      throw new IllegalArgumentException("run spec id " + id + " does not match its options (" + s.id() + ")");
    }
    return s;
  }
}

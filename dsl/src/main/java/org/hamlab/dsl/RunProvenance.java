package org.hamlab.dsl;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The provenance record of a DSL result (libraries.md §1.3 "RunProvenance"): the configuration
 * of what made it (an OLCUT {@code ConfiguredObjectProvenance} of {@link TrainConfig} or
 * {@link DataConfig}), metrics, and the environment (hamlab, Java, OS, architecture). Entries are
 * kept sorted by key; the {@code Map} constructor is what OLCUT's unmarshalling calls.
 */
public final class RunProvenance implements ObjectProvenance {
  private static final long serialVersionUID = 1L;
  private final Map<String, Provenance> entries;

  /** Used by OLCUT when reading provenance back from JSON. */
  public RunProvenance(Map<String, Provenance> map) {
    this.entries = new TreeMap<>(map);
    this.entries.putIfAbsent(CLASS_NAME, new StringProvenance(CLASS_NAME, RunProvenance.class.getName()));
  }

  /** The entry under {@code key}, or null. */
  public Provenance get(String key) {
    return entries.get(key);
  }

  /** A copy of every entry. */
  public Map<String, Provenance> entries() {
    return new TreeMap<>(entries);
  }

  @Override
  public String getClassName() {
    return ((StringProvenance) entries.get(CLASS_NAME)).getValue();
  }

  @Override
  public Iterator<Pair<String, Provenance>> iterator() {
    List<Pair<String, Provenance>> list = new ArrayList<>();
    entries.forEach((k, v) -> list.add(new Pair<>(k, v)));
    return list.iterator();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunProvenance r && r.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return generateString("RunProvenance");
  }
}

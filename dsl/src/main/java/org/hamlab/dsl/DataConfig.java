package org.hamlab.dsl;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * The full configuration of a data set, as OLCUT {@code @Config} fields so that it is recorded in
 * provenance and can be rebuilt from it (libraries.md §1.2–1.3).
 *
 * <p>OLCUT sets fields reflectively, so they cannot be final; the DSL never mutates a config
 * after handing it to a {@link Data}: every option makes a {@link #copy()}.
 */
public final class DataConfig implements Configurable, Provenancable<ConfiguredObjectProvenance> {
  @Config(description = "system: registry name or formula; empty when unknown (data read from a file)")
  String system = "";
  @Config(description = "generated | file")
  String source = "generated";
  @Config(description = "file the data was read from")
  String file = "";
  @Config(description = "SHA-256 of that file")
  String fileHash = "";
  @Config(description = "number of trajectories")
  int count = 16384;
  @Config(description = "points per trajectory including t = 0")
  int points = 7;
  @Config(description = "time between points")
  double dt = 0.01;
  @Config(description = "std of the Gaussian noise added to every point but the first")
  double noise = 0.01;
  @Config(description = "initial states uniform in [-box, box]^(2d)")
  double box = 2.0;
  @Config(description = "ground-truth integrator")
  String integrator = "implicit-midpoint";
  @Config(description = "random seed of initial states and noise")
  long seed = 0;

  DataConfig() {}

  DataConfig copy() {
    DataConfig c = new DataConfig();
    c.system = system;
    c.source = source;
    c.file = file;
    c.fileHash = fileHash;
    c.count = count;
    c.points = points;
    c.dt = dt;
    c.noise = noise;
    c.box = box;
    c.integrator = integrator;
    c.seed = seed;
    return c;
  }

  @Override
  public ConfiguredObjectProvenance getProvenance() {
    return new ConfiguredObjectProvenanceImpl(this, "data");
  }
}

package org.hamlab.dsl;

import org.hamlab.engine.baseline.BaselineData;

/**
 * The baselines' own data sets as their authors designed them (paper.md §3.3), as DSL {@link Data}
 * of one-step pairs (2 points per row) with their configuration recorded for provenance:
 * {@code system("double-well").nssnnData()} and {@code .shnnData()}.
 */
final class BaselineDataSets {
  static final String NSSNN_SOURCE = "nssnn-data";
  static final String SHNN_SOURCE = "shnn-data";

  private BaselineDataSets() {}

  /** 1280 Tao pairs (ω = 20, Δt = 0.01), uniform endpoint noise U(±0.004); split 90/10 in training. */
  static Data nssnn(HamiltonianSystem s, long seed) {
    DataConfig c = config(s, NSSNN_SOURCE, 1280, 0.01, 0.004 / Math.sqrt(3), s.name().equals("henon-heiles") ? 0.3 : 2,
        "tao", seed);
    return Data.lazy(c, s, () -> BaselineData.nssnn(s.hamiltonian(), seed));
  }

  /** 1500 RK4 pairs with h = 0.1, Gaussian noise σ_eff = 0.01·√2 on both points; split 1200/300 in training. */
  static Data shnn(HamiltonianSystem s, long seed) {
    DataConfig c = config(s, SHNN_SOURCE, 1500, 0.1, 0.01 * Math.sqrt(2), s.name().equals("henon-heiles") ? 1 : 2,
        "rk4", seed);
    return Data.lazy(c, s, () -> BaselineData.shnn(s.hamiltonian(), seed));
  }

  /** The data a recorded {@link DataConfig} of one of these sources describes (for retrain). */
  static Data from(DataConfig c, HamiltonianSystem s) {
    if (s == null) throw new IllegalArgumentException("baseline data needs its system; the provenance names none");
    return c.source.equals(NSSNN_SOURCE) ? nssnn(s, c.seed) : shnn(s, c.seed);
  }

  private static DataConfig config(HamiltonianSystem s, String source, int count, double dt, double noiseStd,
      double box, String integrator, long seed) {
    DataConfig c = new DataConfig();
    c.system = s.name();
    c.source = source;
    c.count = count;
    c.points = 2;
    c.dt = dt;
    c.noise = noiseStd;
    c.box = box;
    c.integrator = integrator;
    c.seed = seed;
    return c;
  }
}

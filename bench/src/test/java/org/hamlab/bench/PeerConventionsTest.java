package org.hamlab.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.junit.jupiter.api.Test;

class PeerConventionsTest {

  private static PeerWorkload.Flags flags(String... args) {
    return PeerWorkload.parse(args);
  }

  @Test
  void dataStartInThePeersBoxAndCarryNoiseOnEveryPointIncludingTheFirst() {
    PeerWorkload.Flags f =
        flags("--system", "henon_heiles", "--N", "64", "--L", "3", "--sigma", "0.01");
    Trajectories t = PeerConventions.data(f);
    assertEquals(64, t.count());
    assertEquals(4, t.points());
    double[] clean = t.clean(), obs = t.states();
    int dim = 4, n = 64;
    for (int k = 0; k < dim; k++) {
      for (int b = 0; b < n; b++) {
        double c = clean[k * n + b];
        assertTrue(c >= -0.25 && c <= 0.25, "clean start outside the peer's box: " + c);
      }
    }
    double sq = 0;
    int zeros = 0;
    for (int i = 0; i < dim * n; i++) { // point 0 only
      double e = obs[i] - clean[i];
      sq += e * e;
      if (e == 0) zeros++;
    }
    assertEquals(0, zeros, "the first observation must be noisy, as the peer's");
    double sd = Math.sqrt(sq / (dim * n));
    assertTrue(sd > 0.007 && sd < 0.013, "noise σ on point 0 was " + sd);
  }

  @Test
  void groundTruthConservesTheEnergyOfThePeersCoupledOscillator() {
    PeerWorkload.Flags f =
        flags("--system", "coupled_ho", "--N", "8", "--L", "20", "--sigma", "0", "--substeps", "20");
    Trajectories t = PeerConventions.data(f);
    PeerCoupledOscillator h = new PeerCoupledOscillator();
    int n = 8, dim = 4;
    double[] first = new double[dim * n], last = new double[dim * n];
    System.arraycopy(t.clean(), 0, first, 0, dim * n);
    System.arraycopy(t.clean(), 20 * dim * n, last, 0, dim * n);
    double[] h0 = new double[n], h1 = new double[n];
    h.value(first, n, h0);
    h.value(last, n, h1);
    for (int b = 0; b < n; b++) assertEquals(h0[b], h1[b], 1e-9, "RK4 energy drift, row " + b);
  }

  @Test
  void coupledOscillatorGradientMatchesFiniteDifferences() {
    PeerCoupledOscillator h = new PeerCoupledOscillator();
    double[] z = {0.3, -0.7, 0.2, 0.5};
    double[] g = h.gradientAt(z);
    double eps = 1e-6;
    for (int k = 0; k < 4; k++) {
      double[] zp = z.clone(), zm = z.clone();
      zp[k] += eps;
      zm[k] -= eps;
      assertEquals((h.valueAt(zp) - h.valueAt(zm)) / (2 * eps), g[k], 1e-8, "component " + k);
    }
    // α = 0.1 couples q1 and q2: ∂H/∂q1 = q1 + α q2
    assertEquals(0.3 + 0.1 * -0.7, g[0], 1e-15);
  }

  @Test
  void modelHasAnOutputBiasLikeNnLinear() {
    Mlp m = PeerConventions.model(flags("--hidden", "64,64", "--dtype", "float32"));
    // 2·64+64 + 64·64+64 + 64+1
    assertEquals(2 * 64 + 64 + 64 * 64 + 64 + 64 + 1, m.parameterCount());
  }

  @Test
  void runPrintsTheResultLineWithThePeersKeys() {
    PeerWorkload.Flags f =
        flags("--N", "32", "--L", "4", "--batch", "16", "--epochs", "2", "--warmup", "1",
            "--dtype", "float64", "--method", "backprop");
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int status;
    System.setProperty("hamlab.peer.jitEpochs", "1");
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      status = PeerWorkload.run(f);
    } finally {
      System.setOut(old);
      System.clearProperty("hamlab.peer.jitEpochs");
    }
    assertEquals(0, status);
    String out = buf.toString(StandardCharsets.UTF_8).strip();
    assertTrue(out.startsWith("RESULT {"), out);
    for (String key :
        new String[] {
          "\"sec_per_epoch_median\": ", "\"cpu_sec_per_epoch_median\": ", "\"peak_rss_mb\": ",
          "\"final_loss\": ", "\"h_error\": ", "\"threads\": ", "\"epochs_timed\": 2"
        }) {
      assertTrue(out.contains(key), key + " missing in " + out);
    }
    assertFalse(out.contains("null, \"sec_per_epoch_all\""), out);
  }
}

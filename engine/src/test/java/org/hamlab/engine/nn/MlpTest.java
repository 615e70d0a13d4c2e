package org.hamlab.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MlpTest {

  @Test
  void paperNetworksHaveThePaperParameterCounts() {
    assertEquals(1136, Mlp.create(MlpSpec.of(1)).parameterCount());
    assertEquals(1168, Mlp.create(MlpSpec.of(2)).parameterCount());
    Mlp m = Mlp.create(MlpSpec.of(1));
    assertEquals(0, m.weightOffset(0));
    assertEquals(32, m.biasOffset(0));
    assertEquals(48, m.weightOffset(1));
    assertEquals(1120, m.weightOffset(3));
    assertEquals(-1, m.biasOffset(3));
    assertEquals(1137, Mlp.create(MlpSpec.of(1).withOutputBias(true)).parameterCount());
  }

  @Test
  void initialisationIsUniformWithinOneOverSqrtFanIn() {
    MlpSpec spec = MlpSpec.of(1).withHidden(64, 64).withSeed(9);
    Mlp m = Mlp.create(spec);
    double[] t = m.parameters();
    int[] s = spec.sizes();
    for (int l = 0; l + 1 < s.length; l++) {
      double bound = 1 / Math.sqrt(s[l]);
      int from = m.weightOffset(l);
      int to = l + 2 < s.length ? m.weightOffset(l + 1) : t.length;
      double mean = 0;
      double sq = 0;
      for (int i = from; i < to; i++) {
        assertTrue(Math.abs(t[i]) <= bound, "layer " + l + " θ[" + i + "] = " + t[i]);
        mean += t[i];
        sq += t[i] * t[i];
      }
      int c = to - from;
      mean /= c;
      double var = sq / c - mean * mean;
      double expected = bound * bound / 3;
      // mean of c uniforms has sd bound/sqrt(3c); allow 5 sd
      assertTrue(Math.abs(mean) < 5 * bound / Math.sqrt(3.0 * c), "layer " + l + " mean " + mean);
      assertTrue(Math.abs(var / expected - 1) < 5 * Math.sqrt(0.8 / c) + 0.02,
          "layer " + l + " variance " + var + " vs " + expected);
    }
  }

  @Test
  void seedFixesInitialisationAndLayersUseTheirOwnStreams() {
    MlpSpec spec = MlpSpec.of(1).withSeed(4);
    assertArrayEquals(Mlp.create(spec).parameters(), Mlp.create(spec).parameters());
    assertFalse(Arrays.equals(Mlp.create(spec).parameters(),
        Mlp.create(spec.withSeed(5)).parameters()));
    // Layer 0 draws do not depend on the later widths.
    double[] a = Mlp.create(spec.withHidden(16, 8)).parameters();
    double[] b = Mlp.create(spec.withHidden(16, 32)).parameters();
    assertArrayEquals(Arrays.copyOf(a, 48), Arrays.copyOf(b, 48));
  }

  @Test
  void outputBiasShiftsTheValueOnly() {
    MlpSpec spec = MlpSpec.of(2).withHidden(5, 6).withOutputBias(true).withSeed(2);
    Mlp with = Mlp.create(spec);
    double[] t = with.parameters();
    t[t.length - 1] = 0.75;
    with.parametersChanged();
    Mlp without = Mlp.of(spec.withOutputBias(false), Arrays.copyOf(t, t.length - 1));
    double[] z = {0.1, -0.3, 0.2, 0.5, -0.7, 0.4, 1.1, -0.2};
    double[] hw = new double[2];
    double[] ho = new double[2];
    with.value(z, 2, hw);
    without.value(z, 2, ho);
    for (int b = 0; b < 2; b++) assertEquals(ho[b] + 0.75, hw[b], 1e-15);
    double[] gw = new double[8];
    double[] go = new double[8];
    with.gradient(z, 2, gw);
    without.gradient(z, 2, go);
    assertArrayEquals(go, gw);
    double[] pw = new double[t.length];
    with.accumulateParameterGradient(z, new double[] {2.0, 0.5}, 2, pw);
    assertEquals(2.5, pw[t.length - 1], "∂H/∂c = Σ w_b");
  }

  @Test
  void badParametersAreRefused() {
    MlpSpec spec = MlpSpec.of(1).withHidden(3);
    assertThrows(IllegalArgumentException.class, () -> Mlp.of(spec, new double[3]));
    double[] t = new double[spec.parameterCount()];
    t[4] = Double.NaN;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Mlp.of(spec, t)).getMessage()
        .contains("parameter 4"));
    assertThrows(IllegalArgumentException.class, () -> spec.withHidden());
    assertThrows(IllegalArgumentException.class, () -> spec.withHidden(4, 0));
  }

  @Test
  void activationDerivativesMatchFiniteDifferences() {
    double h = 1e-5;
    for (Activation act : Activation.values()) {
      for (double x = -3; x <= 3; x += 0.37) {
        double a = act.value(x);
        double[] d = {act.first(x, a), act.second(x, a), act.third(x, a)};
        double ap = act.value(x + h);
        double am = act.value(x - h);
        assertEquals((ap - am) / (2 * h), d[0], 1e-9, act + " σ' at " + x);
        assertEquals((act.first(x + h, ap) - act.first(x - h, am)) / (2 * h), d[1], 1e-9,
            act + " σ'' at " + x);
        assertEquals((act.second(x + h, ap) - act.second(x - h, am)) / (2 * h), d[2], 1e-9,
            act + " σ''' at " + x);
      }
      assertEquals(act, Activation.byId(act.id()));
    }
    assertThrows(IllegalArgumentException.class, () -> Activation.byId("relu"));
  }

  @Test
  void shortArraysAreRefusedWithTheNeededLength() {
    Mlp m = Mlp.create(MlpSpec.of(1).withHidden(4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> m.gradient(new double[6], 3, new double[5]));
    assertTrue(e.getMessage().contains("out has length 5 but 6"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> m.accumulateMixed(new double[6], new double[6], 3, new double[2]));
    assertThrows(IllegalArgumentException.class,
        () -> m.hessian(new double[6], 3, new double[6]));
  }
}

package org.hamlab.dsl;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ProvenanceTest {

  @Test
  void dataProvenanceRoundTripsThroughJson() {
    var data = system("coupled-oscillator").trajectories(100).noise(0.02).points(11).seed(9);
    Provenance p = provenance(data);
    String json = p.json();
    assertTrue(json.contains("coupled-oscillator") && json.contains("0.02"), json);
    Provenance back = Provenance.read(json);
    assertEquals(p, back);
    DataConfig c = back.dataConfig();
    assertEquals("coupled-oscillator", c.system);
    assertEquals(100, c.count);
    assertEquals(11, c.points);
    assertEquals(0.02, c.noise);
    assertEquals(9, c.seed);
    // the rebuilt configuration generates the same data
    assertArrayEquals(data.trajectories().states(),
        Data.generated(c, system(c.system)).trajectories().states());
  }

  @Test
  void modelsAndDataShowThemselvesWithTheirProvenance() {
    var data = system("double-well").trajectories(64).points(9).seed(4);
    var m = train(data).epochs(2).gradient("backprop").widths(8, 8);
    for (var bundle : java.util.List.of(data.mimeBundle(), m.mimeBundle())) {
      String html = bundle.get("text/html");
      assertNotNull(html, bundle.keySet().toString());
      assertTrue(html.contains("<details><summary>provenance</summary>"), html);
      assertTrue(html.contains("double-well"), html);
      assertEquals(bundle.get("text/plain").strip().isEmpty(), false);
    }
    assertTrue(m.mimeBundle().get("text/html").contains("backprop"));
    assertFalse(m.trained(), "showing a model must not train it");
  }

  @Test
  void aResultRecordsTheTestSetItWasMeasuredOn() {
    var dw = system("double-well");
    var m = train(dw.trajectories(64).points(9).seed(2)).epochs(1).batch(32).widths(4);
    Provenance p = provenance(hamiltonianError(m, dw, uniform(500).seed(17)));
    String json = p.json();
    assertEquals(p, Provenance.read(json));
    assertTrue(json.contains("test-set-spec") && json.contains("seed 17") && json.contains("uniform"), json);
    assertTrue(json.contains("true-system"), json);
  }

  @Test
  void trainingConfigurationRoundTripsWithNestedData() {
    var m = train(system("double-well").trajectories(64).points(9)).epochs(3).batch(32).widths(8, 8)
        .gradient("backprop").learningRate(0.005).window(5).seed(11).precision("float64");
    Provenance p = m.provenance();
    Provenance back = Provenance.read(p.json());
    assertEquals(p, back);
    TrainConfig c = back.trainConfig();
    assertArrayEquals(new int[] {8, 8}, c.widths);
    assertEquals("backprop", c.gradient);
    assertEquals(3, c.epochs);
    assertEquals(32, c.batch);
    assertEquals(0.005, c.learningRate);
    assertEquals(5, c.window);
    assertEquals(11, c.seed);
    assertEquals("float64", c.precision);
    assertEquals(9, c.data.points);
    assertEquals("double-well", c.data.system);
    assertTrue(p.toString().contains("learningRate = 0.005"), p.toString());
  }

  @Test
  void provenanceOfOtherThingsIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> provenance("a string"));
    assertThrows(IllegalArgumentException.class, () -> Provenance.read("[]"));
  }
}

package org.hamlab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressViewTest {
  static ProgressView view(List<Double> losses, String state) {
    return new ProgressView("train", 30, 120, "epochs", Map.of("loss", 0.0123), 12, 36, losses,
        state);
  }

  @Test
  void textShowsBarCountsMetricsAndTimeLeft() {
    String t = view(List.of(), "").text();
    assertTrue(t.startsWith("train [" + "#".repeat(8) + ".".repeat(22) + "] 30/120 epochs"), t);
    assertTrue(t.contains("loss=0.01230") && t.contains("left 0:36"), t);
  }

  @Test
  void finishedTaskShowsStateNotTimeLeft() {
    String t = view(List.of(), "stopped").text();
    assertTrue(t.endsWith("(stopped)") && !t.contains("left"), t);
  }

  @Test
  void lossSpanningDecadesIsDrawnOnALogScale() {
    assertTrue(view(List.of(1.0, 0.1, 0.001), "").html().contains("loss (log)"));
    assertFalse(view(List.of(1.0, 0.9, 0.8), "").html().contains("(log)"));
  }

  @Test
  void longHistoriesAreThinned() {
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      ys.add(1.0 / (i + 1));
    }
    List<Double> thin = ProgressView.thin(ys);
    assertEquals(ProgressView.MAX_POINTS, thin.size());
    assertEquals(ys.getFirst(), thin.getFirst());
    assertEquals(ys.getLast(), thin.getLast());
  }

  @Test
  void countsShowAsIntegersAndMeasuresWithFourDigits() {
    ProgressView v = new ProgressView("sweep", 2, 4, "runs", Map.of("failed", 1.0, "running", 0.0),
        2, 3, List.of(), "");
    String t = v.text();
    assertTrue(t.contains("failed=1") && !t.contains("failed=1.0"), t);
    assertTrue(t.contains("running=0") && !t.contains("running=0.0"), t);
    assertEquals("2.031e-04", ProgressView.number(2.0305e-4));
    assertEquals("0.01230", ProgressView.number(0.0123));
    assertEquals("NaN", ProgressView.number(Double.NaN));
  }
}

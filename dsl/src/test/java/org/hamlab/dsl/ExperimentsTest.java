package org.hamlab.dsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ExperimentsTest {
  @AfterEach
  void clear() {
    System.clearProperty("hamlab.scale");
    System.clearProperty("hamlab.cache");
  }

  @Test
  void scaleSwitchPicksAndRejectsUnknownValues() {
    System.setProperty("hamlab.scale", "quick");
    assertEquals(7, Experiments.pick(16384, 7));
    System.setProperty("hamlab.scale", "paper");
    assertEquals(16384, Experiments.pick(16384, 7));
    System.setProperty("hamlab.scale", "huge");
    var e = assertThrows(IllegalArgumentException.class, Experiments::scale);
    assertTrue(e.getMessage().contains("'paper' or 'quick'"));
  }

  @Test
  void markdownEscapesPipesInHeadersAndCells() {
    Table t = Table.create("t", DoubleColumn.create("mean |dH|", 0.5));
    String md = Experiments.markdown(t);
    assertTrue(md.contains("| mean \\|dH\\| |"), md);
    assertTrue(md.contains("| 0.5000 |"), md);
    assertTrue(Experiments.show(t).mimeBundle().get("text/csv").startsWith("mean |dH|"));
  }

  @Test
  void cacheReturnsTheSameWeightsAndHistoryWithoutTraining(@TempDir Path dir) throws Exception {
    System.setProperty("hamlab.cache", dir.toString());
    var dw = Hamlab.system("double-well");
    var data = dw.trajectories(16).noise(0.01).seed(3);
    Model first = Experiments.cached(Hamlab.train(data).epochs(2).batch(8).widths(4).precision("float64"));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.filter(p -> !p.getFileName().toString().contains(".tmp")).count());
    }
    Model again = Experiments.cached(Hamlab.train(data).epochs(2).batch(8).widths(4).precision("float64"));
    assertTrue(again.stop().contains("model cache"), again.stop());
    assertArrayEquals(first.hamiltonian().parameters(), again.hamiltonian().parameters());
    assertArrayEquals(first.history().doubleColumn("loss").asDoubleArray(), again.history().doubleColumn("loss").asDoubleArray());
    Model other = Experiments.cached(Hamlab.train(data).epochs(1).batch(8).widths(4).precision("float64"));
    assertTrue(other.stop().equals("finished"), "a different configuration must train, not hit the cache");
  }

  @Test
  void exactGradientsMatchFiniteDifferencesAndTheAuthorsFollowTheTerminalLoss() {
    Table t = Experiments.gradientCheck(Hamlab.system("double-well"), 1, 3);
    for (int r = 0; r < t.rowCount(); r++) {
      String m = t.stringColumn("method").get(r);
      double cos = t.doubleColumn("cosine_vs_fd").get(r);
      if (m.equals("exact adjoint") || m.equals("backprop")) {
        assertTrue(cos > 0.99999, m + " cosine " + cos);
        assertEquals(1.0, t.doubleColumn("norm_ratio_vs_fd").get(r), 1e-3, m);
      } else {
        // paper.md §7.2: the authors' scheme is (nearly) the gradient of the terminal-point loss
        assertTrue(t.doubleColumn("cosine_vs_terminal_loss").get(r) > 0.999, t.print());
      }
    }
  }

  @Test
  void reversibleAdjointMemoryDoesNotGrowWithLengthWhileBackpropDoes() {
    Table t = Experiments.gradientMemory(Hamlab.system("spring-mass"), 4, 1, 4, 64);
    double[] rev = t.doubleColumn("reversible_adjoint_bytes").asDoubleArray();
    double[] stored = t.doubleColumn("stored_adjoint_bytes").asDoubleArray();
    double[] bp = t.doubleColumn("backprop_bytes").asDoubleArray();
    assertEquals(rev[0], rev[1], 0.0, Arrays.toString(rev));
    // storing states must hold at least the 60 extra states of 4 rows × 2 components
    assertTrue(stored[1] - stored[0] >= 60 * 4 * 2 * 8, Arrays.toString(stored));
    // backprop keeps a tape on top of the states
    assertTrue(bp[1] - bp[0] > stored[1] - stored[0], Arrays.toString(bp) + " vs " + Arrays.toString(stored));
    assertTrue(t.doubleColumn("backprop_seconds").get(1) > 0);
  }
}

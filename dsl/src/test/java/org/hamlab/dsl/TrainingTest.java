package org.hamlab.dsl;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train(...) through the engine's Trainer, small and fast settings. */
class TrainingTest {
  @TempDir Path dir;

  private static Model small() {
    var data = system("double-well").trajectories(96).noise(0.01).seed(4);
    return train(data).epochs(2).batch(32).widths(6, 6).seed(7);
  }

  @Test
  void trainingRecordsHistoryAndTheModelRoundTripsThroughAFile() {
    Model m = small().run();
    assertEquals("finished", m.stop());
    assertEquals(2, m.history().rowCount());
    double loss = m.history().doubleColumn("loss").get(1);
    assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);
    assertTrue(m.toString().contains("MLP 6-6 tanh") && m.toString().contains("double-well"), m.toString());

    Path p = m.save(dir.resolve("dw.json").toString());
    Model back = loadModel(p.toString());
    assertArrayEquals(m.hamiltonian().parameters(), back.hamiltonian().parameters());
    assertEquals(system("double-well"), back.system());
    assertEquals(m.config().epochs, back.config().epochs);
    var e = assertThrows(IllegalArgumentException.class, () -> loadModel(p.toString(), system("coupled-oscillator")));
    assertTrue(e.getMessage().contains("holds a model of double-well"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> back.epochs(3), "options of a loaded model point to retrain");
  }

  @Test
  void retrainingFromProvenanceGivesBitwiseTheSameWeights() {
    Model m = small().run();
    Provenance p = Provenance.read(provenance(m).json());
    Model again = retrain(p).run();
    assertArrayEquals(m.hamiltonian().parameters(), again.hamiltonian().parameters());
    Model other = small().seed(8).run();
    assertFalse(java.util.Arrays.equals(m.hamiltonian().parameters(), other.hamiltonian().parameters()),
        "a different seed gives different weights");
  }

  @Test
  void anInterruptStopsTrainingCleanlyWithAModel() {
    Thread.currentThread().interrupt();
    Model m = small().run();
    assertFalse(Thread.currentThread().isInterrupted(), "the interrupt is consumed by the training");
    assertTrue(m.stop().startsWith("cancelled"), m.stop());
    assertNotNull(m.hamiltonian());
    assertTrue(Double.isFinite(m.energy(state(1.0, 0.5))));
  }
}

package org.hamlab.bench;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PeerWorkloadTest {

  @Test
  void parsesThePeersFlags() {
    PeerWorkload.Flags f =
        PeerWorkload.parse(
            new String[] {
              "--system",
              "henon_heiles",
              "--method",
              "backprop",
              "--dtype",
              "float32",
              "--N",
              "256",
              "--L=32",
              "--dt",
              "0.01",
              "--sigma",
              "0",
              "--hidden",
              "16,32,16",
              "--n",
              "6",
              "--batch",
              "64",
              "--lr",
              "0.01",
              "--epochs",
              "3",
              "--warmup",
              "0",
              "--seed",
              "7"
            });
    assertEquals("henon_heiles", f.system());
    assertEquals("backprop", f.method());
    assertEquals("float32", f.dtype());
    assertEquals(256, f.trajectories());
    assertEquals(32, f.steps());
    assertEquals(0.01, f.dt());
    assertEquals(0.0, f.sigma());
    assertArrayEquals(new int[] {16, 32, 16}, f.hidden());
    assertEquals(6, f.corrector());
    assertEquals(64, f.batch());
    assertEquals(0.01, f.lr());
    assertEquals(3, f.epochs());
    assertEquals(0, f.warmup());
    assertEquals(7, f.seed());
  }

  @Test
  void defaultsAreThePeersDefaults() {
    PeerWorkload.Flags f = PeerWorkload.parse(new String[0]);
    // torch_hnn.py: --system double_well --method adjoint --dtype float64 --N 512 --L 16 --dt 0.1
    // --sigma 0.01 --hidden 64,64 --n 5 --batch 128 --lr 1e-3 --epochs 5 --warmup 1 --seed 0
    assertEquals("double_well", f.system());
    assertEquals("float64", f.dtype());
    assertEquals(16, f.steps());
    assertArrayEquals(new int[] {64, 64}, f.hidden());
    assertEquals(1e-3, f.lr());
  }

  @Test
  void badFlagsSayWhatIsWrong() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerWorkload.parse(new String[] {"--system", "pendulum"}));
    assertTrue(e.getMessage().contains("double_well"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerWorkload.parse(new String[] {"--batch", "0"}));
    assertTrue(e.getMessage().contains("≥ 1"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerWorkload.parse(new String[] {"--threads", "2"}));
    assertTrue(e.getMessage().contains("unknown flag"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PeerWorkload.parse(new String[] {"--hidden", "64,x"}));
    assertTrue(e.getMessage().contains("integer"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> PeerWorkload.parse(new String[] {"--L"}));
    assertTrue(e.getMessage().contains("needs a value"), e.getMessage());
  }
}

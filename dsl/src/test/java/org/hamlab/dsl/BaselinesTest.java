package org.hamlab.dsl;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.hamlab.engine.nn.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train(data).method("nssnn" | "shnn"), the baselines' own data and their provenance. */
class BaselinesTest {
  @TempDir Path dir;

  @Test
  void methodSetsTheAuthorsDefaultsAndIsRecorded() {
    var osc = system("spring-mass");
    var ns = train(osc.nssnnData()).method("nssnn");
    assertEquals("nssnn", ns.method());
    assertArrayEquals(new int[] {64, 64, 64, 64, 64}, ns.config().widths);
    assertEquals("sigmoid", ns.config().activation);
    assertEquals(0.05, ns.config().learningRate);
    assertTrue(ns.toString().contains("Tao step"), ns.toString());
    var sh = train(osc.shnnData()).method("shnn").epochs(3);
    assertArrayEquals(new int[] {100, 100}, sh.config().widths);
    assertEquals(3, sh.config().epochs);
    assertTrue(sh.toString().contains("full batch"), sh.toString());
    assertTrue(provenance(sh).json().contains("shnn"), "the method is in the provenance");
    assertEquals("hnn-adjoint", train(osc.trajectories(8)).method());
    // compare() names the method where it names our gradient method
    var tiny = train(osc.shnnData()).method("shnn").widths(4).epochs(2);
    assertEquals("shnn", compare(osc, tiny).stringColumn("gradient").get(0));
  }

  @Test
  void unknownMethodAndMisuseGiveClearErrors() {
    var data = system("spring-mass").trajectories(8);
    var e = assertThrows(IllegalArgumentException.class, () -> train(data).method("hnn"));
    assertTrue(e.getMessage().contains("nssnn") && e.getMessage().contains("shnn"), e.getMessage());
    // ours needs 7-point windows; the baselines' data are one-step pairs
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> train(system("spring-mass").nssnnData()).run());
    assertTrue(e2.getMessage().contains("window"), e2.getMessage());
    var e3 = assertThrows(IllegalStateException.class, () -> system("spring-mass").nssnnData().noise(0.1));
    assertTrue(e3.getMessage().contains("noise"), e3.getMessage());
  }

  @Test
  void nssnnAndShnnLearnTheOscillatorAndAreEvaluatedLikeOurs() throws Exception {
    var osc = system("spring-mass");
    var ns = train(osc.nssnnData(1)).method("nssnn").epochs(15).run();
    var sh = train(osc.shnnData(1)).method("shnn").epochs(150).run();
    assertEquals("finished", ns.stop());
    assertEquals(15, ns.history().rowCount());
    assertInstanceOf(Mlp.class, ns.hamiltonian());
    assertTrue(((Mlp) ns.hamiltonian()).spec().outputBias(), "NSSNN's output layer has a bias");
    assertTrue(ns.label().startsWith("nssnn 64-64-64-64-64 sigmoid"), ns.label());
    for (Model m : new Model[] {ns, sh}) {
      // untrained, the error is about 0.7 (H spans [0, 4] on the box)
      double err = hamiltonianError(m, osc, uniform(2000)).mean();
      assertTrue(err < 0.1, m.label() + ": H error " + err);
    }
    // a saved baseline re-reads with the same H_θ, and retrain(provenance) regenerates its data
    Path p = dir.resolve("ns.json");
    ns.save(p.toString());
    var back = loadModel(p.toString(), osc);
    assertEquals(ns.energy(state(0.3, -0.2)), back.energy(state(0.3, -0.2)), 1e-12);
    var again = retrain(provenance(ns));
    assertEquals("nssnn", again.method());
    assertEquals(1280, again.data().count());
  }

  @Test
  void likeForLikeTrainsOnPairsOfOurWindows() {
    var osc = system("spring-mass");
    var data = osc.trajectories(100).seed(2);
    var sh = train(data).method("shnn").epochs(40).run();
    assertEquals(40, sh.history().rowCount());
    double err = hamiltonianError(sh, osc, uniform(2000)).mean();
    double untrained = hamiltonianError(train(data).method("shnn").epochs(1).run(), osc, uniform(2000)).mean();
    assertTrue(err < untrained, err + " vs " + untrained);
  }
}

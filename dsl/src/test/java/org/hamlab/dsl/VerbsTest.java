package org.hamlab.dsl;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpJson;
import org.hamlab.engine.nn.MlpSpec;
import org.hamlab.engine.system.formula.FormulaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerbsTest {
  @TempDir Path dir;

  @Test
  void namedAndFormulaSystemsAgree() {
    var dw = system("double-well");
    var f = system("p^2/2 + q^4/4 - q^2/2");
    assertEquals(1, f.dof());
    for (double[] z : new double[][] {{1.0, 0.5}, {-1.3, 0.2}, {0.1, -1.9}}) {
      assertEquals(dw.energy(state(z)), f.energy(state(z)), 1e-14);
    }
    assertTrue(dw.toString().contains("double-well") && dw.toString().contains("q⁴/4"), dw.toString());
  }

  @Test
  void unknownSystemListsTheKnownOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> system("duble-well"));
    assertTrue(e.getMessage().contains("double-well") && e.getMessage().contains("henon-heiles"), e.getMessage());
  }

  @Test
  void formulaErrorShowsThePosition() {
    var e = assertThrows(FormulaException.class, () -> system("p^2/2 + "));
    assertTrue(e.getMessage().contains("^"), e.getMessage());
    assertTrue(e.position() >= 6, "position " + e.position());
  }

  @Test
  void stateNeedsAnEvenNumberOfFiniteValues() {
    assertThrows(IllegalArgumentException.class, () -> state(1.0));
    assertThrows(IllegalArgumentException.class, () -> state(1.0, Double.NaN));
    assertEquals("(q = 1.0, p = 0.5)", state(1.0, 0.5).toString());
    var e = assertThrows(IllegalArgumentException.class, () -> system("double-well").energy(state(1, 2, 3, 4)));
    assertTrue(e.getMessage().contains("2 values"), e.getMessage());
  }

  @Test
  void impossibleDataOptionsFailAtTheirCall() {
    var dw = system("double-well");
    assertThrows(IllegalArgumentException.class, () -> dw.trajectories(0));
    var data = dw.trajectories(8);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> data.noise(-0.1)).getMessage().contains("≥ 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> data.dt(0)).getMessage().contains("> 0"));
    assertThrows(IllegalArgumentException.class, () -> data.dt(-0.01));
    assertThrows(IllegalArgumentException.class, () -> data.points(1));
    assertThrows(IllegalArgumentException.class, () -> data.box(0));
  }

  @Test
  void dataFollowsThePaperNoiseModelAndSeed() {
    var data = system("double-well").trajectories(32).points(20).noise(0.05).seed(3);
    Trajectories t = data.trajectories();
    assertEquals(32, t.count());
    assertEquals(20, t.points());
    double sq = 0;
    int n = 0;
    for (int b = 0; b < t.count(); b++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(t.clean()[t.index(0, k, b)], t.states()[t.index(0, k, b)], "t = 0 stays clean");
        assertTrue(Math.abs(t.clean()[t.index(0, k, b)]) <= 2.0, "initial state in [−2, 2]");
        for (int s = 1; s < t.points(); s++) {
          double e = t.states()[t.index(s, k, b)] - t.clean()[t.index(s, k, b)];
          sq += e * e;
          n++;
        }
      }
    }
    assertEquals(0.05, Math.sqrt(sq / n), 0.005, "empirical noise std");
    assertArrayEquals(t.states(), system("double-well").trajectories(32).points(20).noise(0.05).seed(3).trajectories().states());
    assertFalse(java.util.Arrays.equals(t.states(), data.seed(4).trajectories().states()));
    // a longer horizon extends a shorter one: the first points are the same
    Trajectories longer = data.points(40).trajectories();
    assertEquals(t.states()[t.index(19, 1, 7)], longer.states()[longer.index(19, 1, 7)]);
  }

  @Test
  void trainOptionsAreCheckedWhenGiven() {
    var m = train(system("double-well").trajectories(16));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.epochs(-3)).getMessage().contains("epochs must be ≥ 1"));
    assertThrows(IllegalArgumentException.class, () -> m.batch(0));
    assertThrows(IllegalArgumentException.class, () -> m.learningRate(0));
    assertThrows(IllegalArgumentException.class, () -> m.widths());
    assertThrows(IllegalArgumentException.class, () -> m.widths(16, 0));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.window(8)).getMessage().contains(".points(n)"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.gradient("magic")).getMessage().contains("adjoint"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.integrator("euler")).getMessage().contains("implicit-midpoint"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> m.activation("relu")).getMessage().contains("tanh"));
    assertThrows(IllegalArgumentException.class, () -> m.precision("float16"));
  }

  @Test
  void rolloutOfTheTrueSystemConservesEnergy() {
    var dw = system("double-well");
    var o = rollout(dw, state(1.0, 0.5), 10.0);
    assertEquals(1001, o.points());
    double[] h = o.energy();
    // implicit midpoint is symplectic: the energy error of the quartic well stays below dt², no drift
    for (double v : h) assertEquals(h[0], v, 1e-4);
    assertThrows(IllegalArgumentException.class, () -> rollout(dw, state(1.0, 0.5, 0, 0), 1.0));
    assertThrows(IllegalArgumentException.class, () -> rollout(dw, state(1.0, 0.5), -1.0));
    assertThrows(IllegalArgumentException.class, () -> o.dt(0));
    assertEquals(o.table().rowCount(), 1001);
  }

  /** A model file written by the engine alone (no DSL provenance): weights, no system. */
  private Path engineModel(int dof, String name) throws Exception {
    Path p = dir.resolve(name);
    MlpJson.write(Mlp.create(MlpSpec.of(dof).withHidden(8, 8).withSeed(5)), p, null);
    return p;
  }

  @Test
  void hamiltonianErrorOfAModelIsMeanAndSem() throws Exception {
    var dw = system("double-well");
    var m = loadModel(engineModel(1, "m.json").toString());
    var e = hamiltonianError(m, dw, uniform(2000));
    assertEquals(2000, e.n());
    assertTrue(e.mean() > 0 && e.sem() > 0 && e.sem() < e.mean(), e.toString());
    assertTrue(e.toString().contains("±"), e.toString());
    var g = hamiltonianError(m, dw, grid(10));
    assertEquals(100, g.n());
    var hh = system("henon-heiles");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> hamiltonianError(m, hh, grid()))
        .getMessage().contains("degree"));
  }

  @Test
  void aModelLoadedForAnotherSystemIsRefused() throws Exception {
    Path p = engineModel(2, "hh.json");
    var e = assertThrows(IllegalArgumentException.class, () -> loadModel(p.toString(), system("double-well")));
    assertTrue(e.getMessage().contains("another system"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> loadModel(dir.resolve("missing.json").toString()));
    Path bad = dir.resolve("bad.json");
    java.nio.file.Files.writeString(bad, "{\"format\": \"hamlab-mlp/1\", \"sizes\": [2, 3");
    assertThrows(IllegalArgumentException.class, () -> loadModel(bad.toString()));
  }

  @Test
  void energyDriftAndComparison() throws Exception {
    var dw = system("double-well");
    var d = energyDrift(dw, uniform(8), 2.0);
    assertTrue(d.max() < 1e-3, d.toString());
    var m = loadModel(engineModel(1, "m2.json").toString());
    var table = compare(dw, m);
    assertEquals(1, table.rowCount());
    assertTrue(table.columnNames().contains("uniform_error"), table.columnNames().toString());
    assertTrue(table.doubleColumn("grid_error").get(0) > 0);
  }
}

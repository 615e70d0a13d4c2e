package org.hamlab.dsl.sweep;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.plot.Figure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class SweepTest {
  /** A tiny double-well training: 64 trajectories, 2 epochs, a 6-6 network. */
  static Model tiny() {
    return train(system("double-well").trajectories(64)).epochs(2).batch(32).widths(6, 6);
  }

  @BeforeAll
  static void quiet() {
    org.hamlab.dsl.Hamlab.quiet();
  }

  @Test
  void expandsGridTimesSeedsInOrder() {
    Sweep s = sweep(tiny()).over("lr", 1e-3, 1e-2).over("hidden", new int[] {4}, List.of(8, 8)).seeds(3);
    List<RunSpec> specs = s.specs();
    assertEquals(12, specs.size());
    assertEquals(12, s.size());
    assertEquals(1e-3, specs.get(0).option("learningRate"));
    assertEquals(List.of(4), specs.get(0).option("widths"));
    assertEquals(List.of(0L, 1L, 2L), specs.subList(0, 3).stream().map(r -> r.option("seed")).toList());
    assertEquals(List.of(8, 8), specs.get(3).option("widths"));
    assertEquals(1e-2, specs.get(11).option("learningRate"));
    assertEquals(12, specs.stream().map(RunSpec::id).distinct().count(), "every run has its own id");
  }

  @Test
  void badValuesFailWhenGiven() {
    Sweep s = sweep(tiny());
    var e = assertThrows(IllegalArgumentException.class, () -> s.over("lr", 0.01, -1.0));
    assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
    var u = assertThrows(IllegalArgumentException.class, () -> s.over("learning_speed", 1.0));
    assertTrue(u.getMessage().contains("known"), u.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.over("window", 3, 99));
  }

  @Test
  void randomDrawsAreSeededAndInRange() {
    Sweep s = sweep(tiny()).logUniform("lr", 1e-4, 1e-1).draws(5);
    List<Object> a = s.specs().stream().map(r -> r.option("learningRate")).toList();
    assertEquals(a, s.specs().stream().map(r -> r.option("learningRate")).toList());
    assertEquals(5, a.stream().distinct().count());
    a.forEach(v -> assertTrue((double) v >= 1e-4 && (double) v < 1e-1, "drawn " + v));
    assertNotEquals(a, sweep(tiny()).logUniform("lr", 1e-4, 1e-1).draws(5, 7).specs().stream()
        .map(r -> r.option("learningRate")).toList());
  }

  @Test
  void specJsonRoundTripsAndKeepsItsId() {
    RunSpec s = sweep(tiny()).over("lr", 0.005).seeds(2).specs().get(1);
    RunSpec back = RunSpec.fromJson(s.json());
    assertEquals(s.options(), back.options());
    assertEquals(s.id(), back.id());
    String forged = s.json().replace("0.005", "0.006");
    assertThrows(IllegalArgumentException.class, () -> RunSpec.fromJson(forged));
  }

  /** 8 tiny runs: every run equals training the same options directly, and 2 at a time equals 1 at a time. */
  @Test
  void inProcessSweepIsBitwiseTheDirectTraining() {
    Sweep s = sweep(tiny()).over("lr", 3e-3, 1e-2).seeds(4);
    SweepResult one = s.parallel(1).run();
    SweepResult two = s.run();
    assertEquals(8, one.results().size());
    for (int i = 0; i < 8; i++) {
      RunResult r = one.result(i);
      assertEquals("ok", r.status(), r.error());
      assertTrue(Double.isFinite(r.hError()) && r.hError() > 0);
      assertEquals(r.modelSha256(), two.result(i).modelSha256(), "run " + i);
    }
    Model direct = tiny().learningRate(1e-2).seed(2).run();
    assertArrayEquals(RunOptions.parameters(direct), RunOptions.parameters(one.model(6)));
    assertNotEquals(one.result(6).modelSha256(), one.result(7).modelSha256(), "seeds differ");
    // the JSON path (what Spark executors run) gives the same model
    RunResult viaJson = RunResult.fromJson(RunTask.run(one.result(5).spec().json()));
    assertEquals(one.result(5).modelSha256(), viaJson.modelSha256());

    Table t = one.table();
    assertEquals(8, t.rowCount());
    assertTrue(t.columnNames().containsAll(List.of("learningRate", "seed", "status", "final_loss", "h_error", "seconds")));
    Table sum = one.summary("h_error", "lr");
    assertEquals(2, sum.rowCount());
    assertEquals(4, sum.intColumn("n").get(0));
    Figure f = one.plot("h_error", "lr");
    assertEquals(2, f.layers().size(), "mean curve + error bars");
    assertTrue(f.json().contains("h_error"));
  }

  /** A run that diverges (dt = 50 breaks the implicit solve) is recorded with its error; the others finish. */
  @Test
  void divergingRunIsRecordedAndOthersFinish() {
    SweepResult r = sweep(tiny()).over("dt", 0.01, 50.0, 0.02).run();
    assertEquals(List.of("ok", "diverged", "ok"), r.results().stream().map(RunResult::status).toList(), r.toString());
    assertTrue(r.result(1).error().contains("implicit"), r.result(1).error());
    assertEquals(1, r.failures().size());
    assertTrue(r.table().stringColumn("status").get(1).equals("diverged"));
  }

  /** A run that throws (here a window longer than its data, past the sweep's own checks) does not stop the others. */
  @Test
  void throwingRunIsRecordedAndOthersFinish() throws InterruptedException {
    List<RunSpec> specs = new java.util.ArrayList<>(sweep(tiny()).seeds(3).specs());
    java.util.Map<String, Object> bad = new java.util.TreeMap<>(specs.get(1).options());
    bad.put("window", 99);
    specs.set(1, new RunSpec(1, bad, "grid:30"));
    List<RunResult> out = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    new InProcess().run(specs, new SweepRunner.Settings(null, 1, 2, null, null, java.util.Map.of()),
        new SweepRunner.Listener() {
          @Override public void started(RunSpec spec) {}

          @Override public void finished(RunResult result) { out.add(result); }
        });
    assertEquals(3, out.size());
    RunResult failed = out.stream().filter(x -> x.spec().index() == 1).findFirst().orElseThrow();
    assertEquals("failed", failed.status());
    assertTrue(failed.error().contains("window"), failed.error());
    assertEquals(2, out.stream().filter(RunResult::ok).count());
  }

  /** Results written for some runs (as by a killed sweep) are skipped when the sweep runs again. */
  @Test
  void resumeSkipsWrittenRuns(@TempDir Path dir) throws Exception {
    Sweep s = sweep(tiny()).over("lr", 3e-3, 1e-2).seeds(2).output(dir.toString());
    SweepResult first = s.run();
    assertEquals(0, first.skipped());
    List<RunSpec> specs = s.specs();
    // "kill": runs 1 and 3 never wrote their results; run 0's file is marked to prove it is not rewritten
    Files.delete(dir.resolve("runs").resolve(specs.get(1).id() + ".json"));
    Files.delete(dir.resolve("runs").resolve(specs.get(3).id() + ".json"));
    Path r0 = dir.resolve("runs").resolve(specs.get(0).id() + ".json");
    String marked = Files.readString(r0).replaceFirst("\"seconds\":[0-9.eE-]+", "\"seconds\":12345.0");
    Files.writeString(r0, marked, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("runs").resolve(specs.get(2).id() + ".json"), "{truncated");

    SweepResult second = sweep(tiny()).over("lr", 3e-3, 1e-2).seeds(2).resume(dir.toString()).run();
    assertEquals(1, second.skipped(), "run 0 is kept; 1 and 3 are missing and 2 is corrupt, so they run again");
    assertEquals(12345.0, second.result(0).seconds());
    for (int i = 0; i < 4; i++) assertEquals(first.result(i).modelSha256(), second.result(i).modelSha256());
    assertArrayEquals(RunOptions.parameters(first.model(0)), RunOptions.parameters(second.model(0)),
        "a skipped run's model is read back from its file");
    try (var files = Files.list(dir.resolve("runs"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }
    assertTrue(Files.readString(dir.resolve("results.csv")).lines().count() == 5);
  }

  /** Another system keeps its own box of initial states (Hénon–Heiles 0.3) unless the base set one. */
  @Test
  void systemAxisUsesEachSystemsDefaults() {
    List<RunSpec> specs = sweep(tiny()).over("system", "double-well", "henon-heiles").specs();
    assertEquals(2.0, RunOptions.of(RunOptions.model(specs.get(0).options())).get("box"));
    assertEquals(0.3, RunOptions.of(RunOptions.model(specs.get(1).options())).get("box"));
    Model own = train(system("double-well").trajectories(64).box(1.5)).epochs(2);
    assertEquals(1.5, sweep(own).over("system", "henon-heiles").specs().get(0).option("box"));
  }

  @Test
  void sparkWithoutTheModuleSaysWhatToAdd(@TempDir Path tmp) {
    // where the module would be (else the checkout's spark/target, which may be built: SparkModuleTest)
    System.setProperty(SparkModule.PROPERTY, tmp.resolve("spark/target").toString());
    try {
      var e = assertThrows(IllegalStateException.class, () -> sweep(tiny()).seeds(2).on("local[2]").run());
      assertTrue(e.getMessage().contains("hamlab-spark") && e.getMessage().contains("./hamlab build --spark"),
          e.getMessage());
    } finally {
      System.clearProperty(SparkModule.PROPERTY);
    }
  }
}

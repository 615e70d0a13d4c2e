package org.hamlab.spark;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.sweep.RunResult;
import org.hamlab.dsl.sweep.Sweep;
import org.hamlab.dsl.sweep.SweepResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The same sweep in-process and on Spark gives bitwise the same models (distributed.md §10). */
class SparkSweepTest {
  static Sweep tinySweep() {
    Model base = train(system("double-well").trajectories(64)).epochs(2).batch(32).widths(6, 6);
    return sweep(base).over("lr", 3e-3, 1e-2).seeds(4);
  }

  @BeforeAll
  static void quietAndLoopback() {
    quiet();
    assertEquals("127.0.0.1", System.getenv("SPARK_LOCAL_IP"), "tests keep Spark on loopback");
  }

  @AfterAll
  static void stopSpark() {
    SparkSweepRunner.stop();
  }

  @Test
  void localModeEqualsInProcessBitwise() {
    SweepResult here = tinySweep().run();
    SweepResult spark = tinySweep().on("local[2]").run();
    assertEquals(8, spark.results().size());
    for (int i = 0; i < 8; i++) {
      RunResult a = here.result(i), b = spark.result(i);
      assertEquals("ok", b.status(), b.error());
      assertEquals(a.spec().id(), b.spec().id());
      assertEquals(a.modelSha256(), b.modelSha256(), "run " + i);
      assertEquals(a.finalLoss(), b.finalLoss(), 0.0);
      assertEquals(a.hError(), b.hError(), 0.0);
    }
    // the model sent back as JSON reads into the same parameters
    assertArrayEquals(RunOptions.parameters(here.model(3)), RunOptions.parameters(spark.model(3)));
  }

  @Test
  void failingRunOnSparkIsRecordedAndOthersFinish() {
    SweepResult r = tinySweep().over("dt", 0.01, 50.0).on("local[2]").run();
    long diverged = r.results().stream().filter(x -> x.status().equals("diverged")).count();
    assertEquals(8, diverged, "every dt = 50 run diverges");
    assertEquals(8, r.results().stream().filter(RunResult::ok).count());
  }

  /** Two executor JVMs (local-cluster): runs spread over both and still equal the in-process ones. */
  @Test
  @Tag("slow")
  void localClusterUsesTwoJvmsAndEqualsInProcess() {
    SweepResult here = tinySweep().run();
    SweepResult spark = tinySweep().on("local-cluster[2,1,1024]").run();
    long pids = spark.results().stream().mapToLong(RunResult::pid).distinct().count();
    assertTrue(pids >= 1, "executor pids: " + pids);
    assertTrue(spark.results().stream().noneMatch(x -> x.pid() == ProcessHandle.current().pid()),
        "runs ran outside the driver JVM");
    for (int i = 0; i < 8; i++) {
      assertEquals("ok", spark.result(i).status(), spark.result(i).error());
      assertEquals(here.result(i).modelSha256(), spark.result(i).modelSha256(), "run " + i);
    }
    System.out.println("local-cluster executor pids: " + spark.results().stream().map(RunResult::pid).distinct().toList());
  }
}

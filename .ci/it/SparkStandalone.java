import static org.hamlab.dsl.Hamlab.*;

import org.hamlab.dsl.sweep.RunResult;
import org.hamlab.dsl.sweep.SweepResult;

/**
 * Runs an 8-run sweep on the standalone master in args[0] and in-process, and fails unless every
 * run finished on an executor JVM and gave bitwise the same model (used by .ci/it/spark.sh).
 */
public class SparkStandalone {
  public static void main(String[] args) {
    quiet();
    var sweep = sweep(train(system("double-well").trajectories(64)).epochs(2).batch(32).widths(6, 6))
        .over("lr", 3e-3, 1e-2).seeds(4);
    SweepResult here = sweep.run();
    long t0 = System.nanoTime();
    SweepResult there = sweep.on(args[0]).run();
    double secs = (System.nanoTime() - t0) / 1e9;
    long me = ProcessHandle.current().pid();
    for (int i = 0; i < 8; i++) {
      RunResult a = here.result(i), b = there.result(i);
      if (!b.ok()) throw new AssertionError("run " + i + " on " + args[0] + ": " + b.status() + " " + b.error());
      if (b.pid() == me) throw new AssertionError("run " + i + " ran in the driver JVM, not on an executor");
      if (!a.modelSha256().equals(b.modelSha256())) {
        throw new AssertionError("run " + i + " differs: in-process " + a.modelSha256() + ", standalone " + b.modelSha256());
      }
    }
    System.out.printf("standalone sweep OK: 8 runs bitwise equal to in-process, executor pids %s, java %s, %.1f s%n",
        there.results().stream().map(RunResult::pid).distinct().toList(), there.result(0).java(), secs);
    org.hamlab.spark.SparkSweepRunner.stop();
  }
}

package org.hamlab.bench;

import org.hamlab.engine.data.Split;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.data.TrajectoryGenerator;
import org.hamlab.engine.data.TrajectorySpec;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.simd.Ops;
import org.hamlab.engine.system.Systems;

/**
 * Wall time of the paper's double-well training set (paper.md §3.1: 16384 trajectories × 2001
 * points, converged implicit midpoint, σ = 0.01): warm-up on a small set, then best of N.
 *
 * <pre>
 *   java --add-modules jdk.incubator.vector -Xmx4g -cp engine/target/classes:bench/target/classes \
 *       org.hamlab.bench.DataGenerationBenchmark [runs] [system] [count]
 * </pre>
 * Needs ≈1.1 GB of heap for the clean and noisy arrays; give a fixed, pre-touched heap
 * ({@code -Xms5g -Xmx5g -XX:+AlwaysPreTouch}) or heap growth dominates the first runs. Prints wall
 * time and the process CPU time (on a shared machine the CPU time is the steadier number).
 */
public final class DataGenerationBenchmark {
  private DataGenerationBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    String system = args.length > 1 ? args[1] : "double-well";
    TrajectorySpec spec = TrajectorySpec.paper(Systems.byName(system), Split.TRAIN, 42);
    if (args.length > 2) spec = spec.withCount(Integer.parseInt(args[2]));
    System.out.printf("data generation: %s, %d × %d points, %s, threads %d, simd %s%n", system,
        spec.count(),
        spec.points(), spec.integrator().name(), Tiles.threads(), Ops.implementation());
    Ops.warmUp();
    for (int i = 0; i < 3; i++) TrajectoryGenerator.generate(spec.withCount(1024).withPoints(201));
    var os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double best = Double.POSITIVE_INFINITY, bestCpu = Double.POSITIVE_INFINITY;
    for (int r = 0; r < runs; r++) {
      long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
      Trajectories t = TrajectoryGenerator.generate(spec);
      double s = (System.nanoTime() - t0) * 1e-9, cpu = (os.getProcessCpuTime() - c0) * 1e-9;
      best = Math.min(best, s);
      bestCpu = Math.min(bestCpu, cpu);
      System.out.printf("run %d: %.3f s wall, %.3f s CPU (checksum %.6f)%n", r + 1, s, cpu,
          t.states()[t.states().length - 1]);
    }
    System.out.printf("best of %d: %.3f s wall, %.3f s CPU (load average %.1f)%n", runs, best,
        bestCpu, os.getSystemLoadAverage());
  }
}

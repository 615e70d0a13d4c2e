package org.hamlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hamlab.engine.integrator.ImplicitMidpoint;
import org.hamlab.engine.integrator.StepStatus;
import org.hamlab.engine.integrator.Workspace;
import org.hamlab.engine.system.Hamiltonian;
import org.hamlab.engine.system.Systems;

/**
 * The kernels of {@link SystemKernelsBenchmark} and {@link ImplicitMidpointKernelsBenchmark} timed
 * in thread CPU time, best and median of several rounds: {@code ./hamlab bench kernels-cpu}.
 *
 * <p>On a shared machine JMH's wall-clock means absorb the time the thread waits for a core
 * (libraries.md §4, pitfall 4); CPU time does not, so these figures are the ones to compare between
 * runs. It also counts the gradient evaluations per implicit-midpoint step, so the step's cost can
 * be split into gradient work and the solver's own loops. Prints a table and one line {@code RESULT
 * {json}}.
 */
public final class KernelCpuTimes {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private KernelCpuTimes() {}

  /** One timed kernel: one call of it is one "op". */
  private interface Op {
    void run();
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<String> json = new ArrayList<>();
    System.out.printf(
        Locale.ROOT,
        "%-20s %-22s %12s %12s %10s%n",
        "system",
        "kernel",
        "best us/op",
        "median",
        "ns/row");
    for (String name : List.of("double-well", "coupled-oscillator", "henon-heiles")) {
      Hamiltonian system = Systems.byName(name);
      double[] z = SystemKernelsBenchmark.trainingBox(system, n, 0);
      double[] v = SystemKernelsBenchmark.trainingBox(system, n, 1);
      double[] out = new double[z.length], values = new double[n];
      report(json, name, "value", n, time(() -> system.value(z, n, values), rounds));
      report(json, name, "gradient", n, time(() -> system.gradient(z, n, out), rounds));
      report(
          json, name, "hessianVector", n, time(() -> system.hessianVector(z, v, n, out), rounds));
      for (double h : new double[] {0.01, 0.1}) {
        ImplicitMidpoint im = new ImplicitMidpoint();
        double[] y = z.clone();
        Workspace ws = im.workspace(system, n);
        double[] t =
            time(
                () -> {
                  StepStatus st = im.step(system, h, y, n, ws);
                  if (!st.ok()) throw new IllegalStateException("implicit midpoint failed: " + st);
                },
                rounds);
        String kernel = "implicitMidpoint h=" + h;
        report(json, name, kernel, n, t);
        json.set(
            json.size() - 1,
            json.getLast()
                .replace(
                    "}",
                    String.format(
                        Locale.ROOT,
                        ", \"gradients_per_step\": %.2f}",
                        gradientsPerStep(system, h, z.clone(), n))));
      }
    }
    System.out.println(
        "RESULT {\"n\": "
            + n
            + ", \"rounds\": "
            + rounds
            + ", \"unit\": \"us_per_op_cpu\", \"kernels\": ["
            + String.join(", ", json)
            + "]}");
  }

  /**
   * Best and median CPU microseconds per op over {@code rounds} rounds of ≥ 0.2 s, after 1 s
   * warm-up.
   */
  private static double[] time(Op op, int rounds) {
    long reps = calibrate(op);
    run(op, reps * 5);
    double[] us = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = CPU.getCurrentThreadCpuTime();
      run(op, reps);
      us[r] = (CPU.getCurrentThreadCpuTime() - t0) / 1e3 / reps;
    }
    Arrays.sort(us);
    return new double[] {us[0], us[rounds / 2]};
  }

  /** Repetitions that take about 0.2 s of CPU. */
  private static long calibrate(Op op) {
    long reps = 1;
    while (true) {
      long t0 = CPU.getCurrentThreadCpuTime();
      run(op, reps);
      long ns = CPU.getCurrentThreadCpuTime() - t0;
      if (ns > 50_000_000L) return Math.max(1, reps * 200_000_000L / ns);
      reps *= 2;
    }
  }

  private static void run(Op op, long reps) {
    for (long i = 0; i < reps; i++) op.run();
  }

  private static void report(List<String> json, String system, String kernel, int n, double[] t) {
    System.out.printf(
        Locale.ROOT,
        "%-20s %-22s %12.2f %12.2f %10.2f%n",
        system,
        kernel,
        t[0],
        t[1],
        t[0] * 1e3 / n);
    json.add(
        String.format(
            Locale.ROOT,
            "{\"system\": \"%s\", \"kernel\": \"%s\", \"best\": %.3f, \"median\": %.3f}",
            system,
            kernel,
            t[0],
            t[1]));
  }

  /** Mean number of batch gradient calls per step over 20 steps from z. */
  private static double gradientsPerStep(Hamiltonian system, double h, double[] z, int n) {
    long[] calls = new long[1];
    Hamiltonian counting =
        new Hamiltonian() {
          @Override
          public String name() {
            return system.name();
          }

          @Override
          public int dof() {
            return system.dof();
          }

          @Override
          public void value(double[] x, int m, double[] o) {
            system.value(x, m, o);
          }

          @Override
          public void gradient(double[] x, int m, double[] o) {
            calls[0]++;
            system.gradient(x, m, o);
          }

          @Override
          public void hessianVector(double[] x, double[] w, int m, double[] o) {
            system.hessianVector(x, w, m, o);
          }
        };
    ImplicitMidpoint im = new ImplicitMidpoint();
    Workspace ws = im.workspace(system, n);
    for (int s = 0; s < 20; s++) im.step(counting, h, z, n, ws);
    return calls[0] / 20.0;
  }
}

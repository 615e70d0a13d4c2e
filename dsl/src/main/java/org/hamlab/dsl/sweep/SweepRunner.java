package org.hamlab.dsl.sweep;

import java.util.List;
import java.util.Map;

/**
 * Where a sweep's runs execute. The in-process runner is built in; others (the Spark runner of the
 * optional {@code hamlab-spark} module) are found with {@link java.util.ServiceLoader} when
 * {@code sweep.on(master)} asks for them, so the DSL never depends on them.
 *
 * <p>A runner ships {@link RunSpec#json()} to wherever the run executes and has it executed by
 * {@link RunTask#run(String)}; it never ships user code.
 */
public interface SweepRunner {

  /**
   * The runner for {@code master}: in-process for null, else the first {@link java.util.ServiceLoader}
   * provider on the class path that accepts it, else the optional Spark module loaded from its build
   * folder in a class loader of its own (see {@code SparkModule}: system property
   * {@code hamlab.spark.classpath}, environment variable {@code HAMLAB_SPARK_CLASSPATH}, or the
   * checkout the DSL was built in). Without one, the error names the command that builds it.
   */
  static SweepRunner find(String master) {
    if (master == null) return new InProcess();
    SweepRunner visible = visible(master);
    return visible != null ? visible : SparkModule.runner(master);
  }

  /**
   * True when {@code master} can be used: null (in-process), a runner on the class path accepts it,
   * or the optional Spark module is built where this JVM looks for it ({@link #find}).
   */
  static boolean available(String master) {
    return master == null || visible(master) != null || SparkModule.available();
  }

  private static SweepRunner visible(String master) {
    for (ClassLoader cl : java.util.Arrays.asList(Thread.currentThread().getContextClassLoader(),
        SweepRunner.class.getClassLoader())) {
      if (cl == null) continue;
      for (SweepRunner r : java.util.ServiceLoader.load(SweepRunner.class, cl)) {
        if (r.accepts(master)) return r;
      }
    }
    return null;
  }

  /** True when this runner executes on {@code master}, e.g. "local[2]" or "spark://host:7077". */
  boolean accepts(String master);

  /**
   * Executes every spec and reports each to {@code listener} as it finishes (in any order, from
   * any thread). Returns when all have finished; an interrupt cancels the runs not yet finished
   * and throws.
   */
  void run(List<RunSpec> specs, Settings settings, Listener listener) throws InterruptedException;

  /**
   * How to run.
   *
   * @param master null for in-process, else the Spark master URL
   * @param threadsPerRun engine threads of each run on an executor ({@code spark.task.cpus})
   * @param parallel runs at once in-process
   * @param javaHome JDK of executors (≥ 25.0.3), null for this JVM's
   * @param executorMemory e.g. "2g", null for Spark's default
   * @param conf further Spark properties
   */
  record Settings(String master, int threadsPerRun, int parallel, String javaHome, String executorMemory,
      Map<String, String> conf) {
    public Settings {
      conf = Map.copyOf(conf);
    }
  }

  /** Receives runs as they start and finish. */
  interface Listener {
    void started(RunSpec spec);

    void finished(RunResult result);
  }
}

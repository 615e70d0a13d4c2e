package org.hamlab.spark;

import org.apache.spark.api.java.function.Function;
import org.hamlab.dsl.sweep.RunTask;

/**
 * The Spark function of a sweep: run spec JSON in, result JSON out, through the same
 * {@link RunTask} the in-process runner uses. A named class in hamlab's jar, never a closure typed
 * in JShell, which executors could not load (distributed.md §2.7).
 */
public final class TrainTask implements Function<String, String> {
  private static final long serialVersionUID = 1L;

  @Override
  public String call(String specJson) {
    return RunTask.run(specJson);
  }
}

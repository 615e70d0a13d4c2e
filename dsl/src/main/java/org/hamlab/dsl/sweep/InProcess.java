package org.hamlab.dsl.sweep;

import java.util.List;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a sweep in this JVM, {@code parallel} runs at a time, each on the engine's threads (the
 * engine's pool is shared, so two runs at once also keep both cores busy through each other's
 * serial parts).
 */
final class InProcess implements SweepRunner {

  @Override
  public boolean accepts(String master) {
    return master == null;
  }

  @Override
  public void run(List<RunSpec> specs, Settings settings, Listener listener) throws InterruptedException {
    if (specs.isEmpty()) return;
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.parallel(), specs.size())), r -> {
      Thread t = new Thread(r, "hamlab-sweep-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ExecutorCompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
    try {
      for (RunSpec s : specs) {
        done.submit(() -> {
          listener.started(s);
          return RunTask.execute(s);
        });
      }
      for (int i = 0; i < specs.size(); i++) {
        try {
          listener.finished(done.take().get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a sweep run failed outside training: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}

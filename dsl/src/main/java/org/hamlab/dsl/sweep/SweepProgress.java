package org.hamlab.dsl.sweep;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hamlab.dsl.display.ProgressSink;

/**
 * Collects a sweep's results as runs finish (writing each to the output folder) and reports runs
 * done / running / failed and the time left to the progress sink. Thread-safe: runners call it
 * from any thread.
 */
final class SweepProgress implements SweepRunner.Listener {
  private final ProgressSink.Task task;
  private final RunResult[] results;
  private final ResultStore store;
  private final int pending;
  private final int skipped;
  private final long t0 = System.nanoTime();
  private final Set<String> running = new HashSet<>(), finished = new HashSet<>();
  private int done, failed;

  SweepProgress(ProgressSink.Task task, RunResult[] results, ResultStore store, int pending, int skipped) {
    this.task = task;
    this.results = results;
    this.store = store;
    this.pending = pending;
    this.skipped = skipped;
    task.update(skipped, Map.of(), Double.NaN);
  }

  @Override
  public synchronized void started(RunSpec spec) {
    if (!finished.contains(spec.id())) running.add(spec.id());
    report();
  }

  @Override
  public synchronized void finished(RunResult r) {
    running.remove(r.spec().id());
    if (r.status().equals("cancelled")) return; // never written: a resume runs it again
    finished.add(r.spec().id());
    results[r.spec().index()] = r;
    if (store != null) store.write(r);
    done++;
    if (!r.ok()) failed++;
    report();
  }

  /** Runs finished in this session (skipped ones not counted). */
  synchronized int done() {
    return done;
  }

  private void report() {
    double elapsed = (System.nanoTime() - t0) / 1e9;
    double secondsLeft = done == 0 ? Double.NaN : elapsed / done * (pending - done);
    task.update(skipped + done, Map.of("running", (double) running.size(), "failed", (double) failed), secondsLeft);
  }
}

package org.hamlab.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits a batch of {@code n} rows into fixed tiles and runs them on the engine's threads.
 *
 * <p>Tiles depend only on {@code n} and the tile size, never on the thread count, so any
 * reduction done per tile and then combined in tile order gives bitwise the same result on one
 * thread or many (DEVELOPERS.md: the same seed gives the same result whatever the thread count).
 *
 * <p>The thread count is {@link #threads()}: the system property {@code hamlab.threads}, else the
 * number of available processors.
 */
public final class Tiles {

  /** One unit of work: rows {@code [from, to)} of the batch, tile number {@code tile}. */
  @FunctionalInterface
  public interface TileTask {
    void run(int tile, int from, int to);
  }

  private static final int THREADS =
      Integer.getInteger("hamlab.threads", Runtime.getRuntime().availableProcessors());
  private static final ForkJoinPool POOL =
      THREADS > 1 ? new ForkJoinPool(THREADS) : null;

  private Tiles() {}

  /** Number of worker threads the engine uses. */
  public static int threads() {
    return THREADS;
  }

  /** Number of tiles of size {@code tile} covering {@code n} rows. */
  public static int count(int n, int tile) {
    if (tile <= 0) throw new IllegalArgumentException("tile size must be > 0, got " + tile);
    return (n + tile - 1) / tile;
  }

  /**
   * Runs {@code task} over every tile, in parallel when there is more than one thread and more than
   * one tile. Exceptions thrown by a tile are rethrown in the caller.
   */
  public static void forEach(int n, int tile, TileTask task) {
    int tiles = count(n, tile);
    boolean nested = Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL;
    if (POOL == null || tiles <= 1 || nested) {
      for (int t = 0; t < tiles; t++) task.run(t, t * tile, Math.min(n, (t + 1) * tile));
      return;
    }
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(THREADS, tiles);
    List<Callable<Void>> jobs = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      jobs.add(() -> {
        for (int t; (t = next.getAndIncrement()) < tiles; ) {
          task.run(t, t * tile, Math.min(n, (t + 1) * tile));
        }
        return null;
      });
    }
    try {
      for (Future<Void> f : POOL.invokeAll(jobs)) f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + tiles + " tiles", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }
}

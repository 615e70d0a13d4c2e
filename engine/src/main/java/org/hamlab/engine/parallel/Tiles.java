package org.hamlab.engine.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
      THREADS > 1 ? new ForkJoinPool(THREADS - 1) : null;

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
   * one tile: the calling thread takes tiles too, beside {@code threads() − 1} pool workers, so a
   * call wakes one thread fewer and the caller does not sit idle. The first exception thrown by a
   * tile is rethrown in the caller once every running tile has finished (no tile is left running on
   * the caller's buffers); the remaining tiles are skipped. A call made from inside a tile runs its
   * tiles on that thread, in order.
   */
  public static void forEach(int n, int tile, TileTask task) {
    int tiles = count(n, tile);
    if (POOL == null || tiles <= 1 || INSIDE.get()) {
      for (int t = 0; t < tiles; t++) task.run(t, t * tile, Math.min(n, (t + 1) * tile));
      return;
    }
    AtomicInteger next = new AtomicInteger();
    // the first exception itself: ForkJoinTask would hand back a reflective copy of one thrown on
    // another thread (e.g. new IllegalStateException(original)), losing its message and fields
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable drain = () -> {
      INSIDE.set(true);
      try {
        for (int t; (t = next.getAndIncrement()) < tiles; ) {
          task.run(t, t * tile, Math.min(n, (t + 1) * tile));
        }
      } catch (RuntimeException | Error e) {
        next.set(tiles);
        failure.compareAndSet(null, e);
      } finally {
        INSIDE.set(false);
      }
    };
    int workers = Math.min(THREADS, tiles);
    List<ForkJoinTask<?>> forked = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) forked.add(POOL.submit(drain));
    drain.run();
    for (ForkJoinTask<?> f : forked) f.quietlyJoin();
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) throw r;
    if (e instanceof Error err) throw err;
  }

  /** Whether this thread is running a tile (nested calls then run serially). */
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
}

package org.hamlab.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TilesTest {

  @Test
  void everyTileRunsOnceWithItsRows() {
    int n = 1000, tile = 64;
    int[] seen = new int[Tiles.count(n, tile)];
    int[] rows = new int[n];
    Tiles.forEach(n, tile, (t, from, to) -> {
      seen[t]++;
      assertEquals(t * tile, from);
      assertEquals(Math.min(n, from + tile), to);
      for (int r = from; r < to; r++) rows[r]++;
    });
    int[] once = new int[seen.length];
    java.util.Arrays.fill(once, 1);
    assertArrayEquals(once, seen);
    assertTrue(java.util.Arrays.stream(rows).allMatch(c -> c == 1), "every row in one tile");
  }

  @Test
  void theCallerTakesTilesAndNestedCallsStayOnTheirThread() {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    Set<String> nestedOnOtherThreads = ConcurrentHashMap.newKeySet();
    Tiles.forEach(64 * 64, 64, (t, from, to) -> {
      threads.add(Thread.currentThread());
      Thread outer = Thread.currentThread();
      Tiles.forEach(4 * 16, 16, (u, a, b) -> {
        if (Thread.currentThread() != outer) nestedOnOtherThreads.add(t + "/" + u);
      });
    });
    assertTrue(nestedOnOtherThreads.isEmpty(), "nested tiles moved: " + nestedOnOtherThreads);
    assertTrue(threads.size() <= Tiles.threads(), threads.size() + " threads for " + Tiles.threads());
    // the caller drains tiles right after handing the rest to the pool (its worker must wake first)
    assertTrue(threads.contains(Thread.currentThread()), "the calling thread ran tiles");
  }

  @Test
  void aTileFailureIsRethrownAsItselfAfterTheOtherTilesStop() {
    IllegalStateException boom = new IllegalStateException("tile 5 failed");
    AtomicInteger running = new AtomicInteger(), ran = new AtomicInteger();
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Tiles.forEach(200 * 8, 8, (t, from, to) -> {
          running.incrementAndGet();
          try {
            ran.incrementAndGet();
            if (t == 5) throw boom;
            Thread.sleep(1); // 200 tiles take ≥ 0.1 s: the failure at tile 5 must cut that short
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            running.decrementAndGet();
          }
        }));
    assertSame(boom, thrown, "the tile's own exception, not a copy");
    assertEquals(0, running.get(), "no tile still running when the caller gets the exception");
    assertTrue(ran.get() < 200, "tiles after the failure are skipped: " + ran.get() + " of 200 ran");
  }
}

package org.hamlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryHistoryTest {
  private final InMemoryHistory h = new InMemoryHistory();

  InMemoryHistoryTest() {
    h.add(1, "6*7", "42");
    h.add(2, "int x = 1;", "");
    h.add(3, "6*7", "42");
    h.add(4, "x + 1", "2");
  }

  private static List<Integer> numbers(List<HistoryEntry> es) {
    return es.stream().map(HistoryEntry::getCellNumber).toList();
  }

  @Test
  void tailReturnsTheLastCellsInOrder() {
    assertEquals(List.of(3, 4), numbers(h.lookupTail(2, Set.of())));
  }

  @Test
  void rangeIsHalfOpen() {
    assertEquals(List.of(2, 3), numbers(h.lookupRange(1, 2, 4, Set.of())));
  }

  @Test
  void searchIsAGlobOverTheWholeInput() {
    assertEquals(List.of(1, 3), numbers(h.search("6*", 10, Set.of())));
    assertEquals(List.of(4), numbers(h.search("x ? 1", 10, Set.of())));
  }

  @Test
  void uniqueKeepsTheNewestOfEqualInputs() {
    assertEquals(List.of(3), numbers(h.search("6*", 10, EnumSet.of(ResultFlag.UNIQUE))));
  }

  @Test
  void outputIsIncludedOnRequest() {
    HistoryEntry e = h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).getFirst();
    assertEquals("2", e.getOutput());
  }
}

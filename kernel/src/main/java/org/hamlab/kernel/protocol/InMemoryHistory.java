package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells of this kernel session (session number 1), for history requests: tail, range and
 * glob search ({@code *} and {@code ?}, as IPython), optionally unique, optionally with output.
 */
public final class InMemoryHistory implements HistoryManager {
  static final int SESSION = 1;

  private record Cell(int number, String input, String output) {}

  private final List<Cell> cells = new ArrayList<>();

  public synchronized void add(int number, String input, String output) {
    cells.add(new Cell(number, input, output == null ? "" : output));
  }

  @Override
  public synchronized List<HistoryEntry> lookupTail(int n, Set<ResultFlag> flags) {
    int from = Math.max(0, cells.size() - n);
    return entries(cells.subList(from, cells.size()), flags);
  }

  @Override
  public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop,
      Set<ResultFlag> flags) {
    if (session != SESSION && session != 0 && session != -1) {
      return List.of();
    }
    List<Cell> hits = cells.stream().filter(c -> c.number() >= start && c.number() < stop).toList();
    return entries(hits, flags);
  }

  @Override
  public synchronized List<HistoryEntry> search(String pattern, int n, Set<ResultFlag> flags) {
    Pattern p = glob(pattern);
    List<Cell> hits = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = cells.size() - 1; i >= 0 && (n <= 0 || hits.size() < n); i--) {
      Cell c = cells.get(i);
      if (!p.matcher(c.input()).matches()) {
        continue;
      }
      if (flags.contains(ResultFlag.UNIQUE) && !seen.add(c.input())) {
        continue;
      }
      hits.add(0, c);
    }
    return entries(hits, flags);
  }

  /** IPython-style glob over the whole input: {@code *} any text, {@code ?} one character. */
  static Pattern glob(String g) {
    StringBuilder re = new StringBuilder();
    for (char c : (g == null || g.isEmpty() ? "*" : g).toCharArray()) {
      re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
    boolean output = flags.contains(ResultFlag.INCLUDE_OUTPUT);
    return cells.stream().map(c -> output
        ? new HistoryEntry(SESSION, c.number(), c.input(), c.output())
        : new HistoryEntry(SESSION, c.number(), c.input())).toList();
  }
}

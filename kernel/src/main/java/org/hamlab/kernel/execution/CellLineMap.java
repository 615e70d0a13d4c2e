package org.hamlab.kernel.execution;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each JShell snippet came from: execution count of its cell and its first line there. JShell
 * names snippet frames {@code #id:line} (line within the snippet); this turns them into cell lines.
 */
public final class CellLineMap {
  /** A snippet's origin; {@code cell} is the execution count, {@code startLine} 0-based. */
  public record Origin(int cell, int startLine) {}

  private final Map<String, Origin> origins = new ConcurrentHashMap<>();

  public void record(String snippetId, int cell, int startLine) {
    origins.put(snippetId, new Origin(cell, startLine));
  }

  /**
   * "cell [n] line L" for a 1-based line inside snippet {@code snippetId}, or the JShell name
   * when the snippet is unknown (startup code).
   */
  public String describe(String snippetId, int snippetLine) {
    Origin o = origins.get(snippetId);
    if (o == null) {
      return "#" + snippetId + ":" + snippetLine;
    }
    return "cell [" + o.cell() + "] line " + (o.startLine() + snippetLine);
  }
}

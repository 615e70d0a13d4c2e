package org.hamlab.engine.data;

/**
 * The three data sets of paper.md §3.1 with their trajectory counts (16384 / 8192 / 1024). The
 * lower-case {@link #label()} names the random streams, so the splits never share a draw.
 */
public enum Split {
  TRAIN(16384),
  VALIDATION(8192),
  TEST(1024);

  private final int paperCount;

  Split(int paperCount) {
    this.paperCount = paperCount;
  }

  /** Number of trajectories in the paper's data. */
  public int paperCount() {
    return paperCount;
  }

  /** "train", "validation" or "test". */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package org.hamlab.engine.simd;

/** Run in a JVM with a forced width by {@link OpsWidthTest}: the equivalence checks at that width. */
public final class OpsEquivalenceFork {
  private OpsEquivalenceFork() {}

  public static void main(String[] args) {
    var t = new OpsEquivalenceTest();
    for (int n : new int[] {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 65, 127, 257, 1000}) {
      t.systemsAgree(n);
      t.stateUpdatesAgree(n);
    }
    t.changePropagatesNaNFromAnyPosition();
    System.out.println(OpsProvider.panama().describe() + " ok");
  }
}

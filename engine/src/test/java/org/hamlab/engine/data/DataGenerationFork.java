package org.hamlab.engine.data;

import java.util.Arrays;
import org.hamlab.engine.parallel.Tiles;
import org.hamlab.engine.system.DoubleWell;

/** Run in a separate JVM by {@link TrajectoryGeneratorTest}: prints a bitwise checksum of a small data set. */
public final class DataGenerationFork {
  private DataGenerationFork() {}

  static TrajectorySpec spec() {
    return TrajectorySpec.paper(new DoubleWell(), Split.TRAIN, 2024).withCount(700).withPoints(51);
  }

  static String checksum(Trajectories t) {
    return Arrays.hashCode(t.states()) + ":" + Arrays.hashCode(t.clean());
  }

  public static void main(String[] args) {
    System.out.println("threads=" + Tiles.threads() + " checksum=" + checksum(TrajectoryGenerator.generate(spec())));
  }
}

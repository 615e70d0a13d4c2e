package org.hamlab.engine.random;

import java.util.SplittableRandom;

/**
 * Random streams keyed by {@code (seed, purpose, index)}.
 *
 * <p>Every random draw in hamlab comes from a stream named here, so a seed fixes the result no
 * matter how the work is split across threads: a worker that needs the draws of trajectory 17
 * asks for {@code stream(seed, "noise", 17)} instead of consuming a shared generator.
 */
public final class Seeds {
  private Seeds() {}

  /** A generator for one purpose (e.g. {@code "init"}, {@code "noise"}) and one index. */
  public static SplittableRandom stream(long seed, String purpose, long index) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ purpose.hashCode());
    h = mix(h ^ index);
    return new SplittableRandom(h);
  }

  /** A generator for one purpose, index 0. */
  public static SplittableRandom stream(long seed, String purpose) {
    return stream(seed, purpose, 0);
  }

  /** Standard normal draw (Box–Muller on two uniforms, both values used sequentially). */
  public static double gaussian(SplittableRandom r) {
    double u1 = r.nextDouble();
    double u2 = r.nextDouble();
    if (u1 < 1e-300) u1 = 1e-300;
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

package org.hamlab.engine.simd;

import java.util.HashSet;
import java.util.Set;

/**
 * Chooses between the Panama and scalar MLP kernels once, chooses the Panama layout per net
 * ({@link #sampleLanes}), and warms the Panama kernels up.
 *
 * <p>The Vector API path is used when the module {@code jdk.incubator.vector} is present and
 * {@code -Dhamlab.simd=scalar} is not set. If the module is missing, one warning on stderr names
 * the flag to add ({@code --add-modules jdk.incubator.vector}).
 *
 * <p><b>Warm-up.</b> Vector kernels compiled through OSR in a long loop are sometimes 100× slower
 * (libraries.md §3.6 item 1). {@link #warmup(MlpFunction, boolean, boolean)} runs all passes of
 * one activation, precision and layout 1,000 times ({@code -Dhamlab.simd.warmup=N}; 0 skips) on
 * a small net whose widths reach every register-block path, so each kernel is invoked tens of
 * thousands of times and compiled as a normal method before real use. {@link MlpOps} calls it at
 * construction, once per (activation, precision, layout). It costs 1.5–3 s of CPU for tanh in
 * both precisions (measured on a loaded machine: the Vector API runs boxed until C2 compiles it).
 * If kernels still run slowly, the fallback JVM flag is {@code -XX:-UseOnStackReplacement}.
 */
public final class MlpKernels {
  private static final boolean AVAILABLE = detect();
  /** Warmed-up (precision, layout, activation) keys; the lock of every warm-up. */
  private static final Set<String> WARM = new HashSet<>();
  /** {@code hamlab.simd.layout}: {@code sample}, {@code neuron}, or unset (chosen per net). */
  private static final String LAYOUT = System.getProperty("hamlab.simd.layout", "auto");
  /** Warm-up passes per (activation, precision); system property {@code hamlab.simd.warmup}. */
  private static final int WARMUP_CALLS = Integer.getInteger("hamlab.simd.warmup", 1000);

  private MlpKernels() {}

  private static boolean detect() {
    if ("scalar".equals(System.getProperty("hamlab.simd"))) return false;
    boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    if (!present) {
      System.err.println("hamlab: simd: scalar MLP kernels (the Vector API is not available; start"
          + " the JVM with --add-modules jdk.incubator.vector for the fast kernels)");
    }
    return present;
  }

  /** Whether the Vector API kernels can be used. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** Lanes of the preferred species (AVX2: 8 floats / 4 doubles; AVX-512: 16 / 8). */
  static int lanes(boolean float32) {
    return float32 ? MlpSpecies.FLOAT_SPECIES.length() : MlpSpecies.DOUBLE_SPECIES.length();
  }

  /**
   * Whether {@link MlpOps} runs a net with samples across vector lanes ({@link MlpSampleTileF32},
   * {@link MlpSampleTileF64}) rather than neurons across lanes: forced by
   * {@code -Dhamlab.simd.layout=sample|neuron}, else chosen from measurements (Zen 5, AVX-512,
   * MlpKernelMain, batch 4096, two threads): the sample lanes win for hidden widths up to 4
   * vectors (64 in float, 32 in double). Float: 2-16-32-16-1 value+gradient 61 → 77-86 GFLOP/s,
   * HVP 69-71 → 84-89, mixed equal; 2-64-64-1 value+gradient 98-114 → 122-131, HVP 108-116 →
   * 122-132, mixed equal. Double, 2-16-32-16-1, with a 64-row micro-tile: value+gradient 53 → 61,
   * HVP 64 → 73, mixed equal; at 2-64-64-1 (8 vectors) the mixed derivative is 15 % slower, so
   * wider double nets keep neuron lanes. Only measured on AVX-512: other widths, where the
   * sample-lane parameter sums lack their register-blocked kernels, keep neuron lanes.
   */
  static boolean sampleLanes(int[] sizes, boolean float32) {
    boolean blocked = float32 ? MlpSampleOuterF32.BLOCKED : MlpSampleOuterF64.BLOCKED;
    return switch (LAYOUT) {
      case "sample" -> true;
      case "neuron" -> false;
      default -> blocked && maxHidden(sizes) <= 4 * lanes(float32);
    };
  }

  private static int maxHidden(int[] sizes) {
    int m = 0;
    for (int k = 1; k < sizes.length - 1; k++) m = Math.max(m, sizes[k]);
    return m;
  }

  /**
   * Sample vectors per micro-tile of the sample-lane tiles: {@code hamlab.simd.sampleVectors}
   * (default: one {@link MlpOps#TILE} of rows, 4 float or 8 double vectors on AVX-512; a multiple
   * of 4, the GEMM block). Longer micro-tiles amortise the lane sums of the parameter gradients:
   * 2-16-32-16-1 double mixed derivative 983 → 815 µs per 4096 rows from 4 to 8 vectors.
   */
  static int sampleVectors(boolean float32) {
    int lanes = lanes(float32);
    int v = Math.min(Integer.getInteger("hamlab.simd.sampleVectors", MlpOps.TILE / lanes),
        MlpOps.TILE / lanes);
    if (v < 4 || v % 4 != 0 || MlpOps.TILE % (v * lanes) != 0) {
      throw new IllegalArgumentException("hamlab.simd.sampleVectors=" + v + ": use a multiple of"
          + " 4 vectors whose " + v + " × " + lanes + " rows divide the tile of " + MlpOps.TILE);
    }
    return v;
  }

  /** Warms up the tanh kernels in both precisions and the layout each would use for a 64-64 net. */
  public static void warmup() {
    warmup(MlpFunction.TANH, false);
    warmup(MlpFunction.TANH, true);
  }

  /** Warms up one activation and precision in the layout a 2-64-64-1 net would use. */
  public static void warmup(MlpFunction function, boolean float32) {
    warmup(function, float32, sampleLanes(new int[] {2, 64, 64, 1}, float32));
  }

  /**
   * Runs every pass of the Panama kernels for one activation, precision and layout on a tiny net,
   * on the calling thread, unless done before.
   */
  public static void warmup(MlpFunction function, boolean float32, boolean sampleLanes) {
    if (!AVAILABLE || WARMUP_CALLS <= 0) return;
    String layout = (float32 ? "f32 " : "f64 ") + (sampleLanes ? "sample " : "neuron ");
    synchronized (WARM) {
      if (WARM.contains(layout + function)) return;
      // The GEMM and rank-t kernels are shared by all activations: a later activation of the same
      // precision and layout only needs its own activation pass compiled: a quarter of the passes.
      boolean first = WARM.stream().noneMatch(k -> k.startsWith(layout));
      WARM.add(layout + function);
      run(function, float32, sampleLanes, first ? WARMUP_CALLS : WARMUP_CALLS / 4);
    }
  }

  private static void run(MlpFunction function, boolean float32, boolean sampleLanes, int calls) {
    if (sampleLanes) {
      runSample(function, float32, calls);
      return;
    }
    // Widths chosen so that every register-block path runs: 6L+1 wide (4x4 + 4x2 + 4x1 tail), one
    // vector (8x1, with 8-blocks and a tail over inputs), 2L wide with a 4-block input tail.
    int lanes = lanes(float32);
    int[] sizes = {2, 6 * lanes + 1, 9, lanes + 1, 1};
    MlpShape shape = new MlpShape(sizes, false, lanes);
    double[] theta = new double[shape.parameterCount];
    for (int i = 0; i < theta.length; i++) theta[i] = 0.3 * Math.sin(1.7 * i + 0.4);
    MlpTile tile;
    if (float32) {
      MlpWeightsF32 w = new MlpWeightsF32(shape);
      w.load(shape, theta);
      tile = new MlpPanamaF32(shape, w, function);
    } else {
      MlpWeightsF64 w = new MlpWeightsF64(shape);
      w.load(shape, theta);
      tile = new MlpPanamaF64(shape, w, function);
    }
    exercise(tile, shape, calls, 1);
  }

  /**
   * The sample-lane tiles on widths that reach every block of their kernels and make each hot
   * enough for C2 (a kernel left to C1 runs boxed): 33 outputs (36 padded: two 16-row bias
   * blocks and a tail per layer, nine GEMM blocks), inputs 2 and 33 (4 × 4 rank-t blocks), and
   * every row count up to a micro-tile. The output layer ({@code value}) runs once per pass, so
   * it is called four times per call.
   */
  private static void runSample(MlpFunction function, boolean float32, int calls) {
    int[] sizes = {2, 33, 33, 1};
    MlpShape shape = new MlpShape(sizes, true, MlpSampleTileF32.BLOCK);
    double[] theta = new double[shape.parameterCount];
    for (int i = 0; i < theta.length; i++) theta[i] = 0.3 * Math.sin(1.7 * i + 0.4);
    MlpTile tile;
    int vectors = sampleVectors(float32);
    if (float32) {
      MlpWeightsF32 w = new MlpWeightsF32(shape);
      w.load(shape, theta);
      tile = new MlpSampleTileF32(shape, w, function, vectors);
    } else {
      MlpWeightsF64 w = new MlpWeightsF64(shape);
      w.load(shape, theta);
      tile = new MlpSampleTileF64(shape, w, function, vectors);
    }
    exercise(tile, shape, calls, 4);
  }

  private static void exercise(MlpTile tile, MlpShape shape, int calls, int values) {
    int n = tile.capacity();
    double[] z = new double[2 * n];
    double[] out = new double[4 * n];
    double[] scale = new double[n];
    double[] part = new double[shape.paddedCount];
    for (int b = 0; b < n; b++) {
      z[b] = 0.1 * b - 0.2;
      z[n + b] = 0.3 - 0.05 * b;
      scale[b] = 1.0;
    }
    tile.beginPartial();
    for (int c = 0; c < calls; c++) {
      int rows = 1 + (c % n);
      tile.load(z, n, 0, rows);
      tile.forward(false);
      for (int v = 0; v < values; v++) tile.value(out, 0);
      tile.backward(null, 0);
      tile.storeGradient(out, n, 0);
      tile.forward(true);
      tile.backward(null, 0);
      tile.loadTangent(z, n, 0);
      tile.tangent();
      tile.storeHessianVector(out, n, 0);
      if (tile.combinesTangents()) {
        // the adjoint's backward step (MlpOps HESSIAN_MIXED): kept unit tangents, combined for z
        tile.keepTangent(0);
        tile.keepTangent(1);
        tile.combineTangents(z, n, 0);
      }
      tile.addMixed();
      tile.backward(scale, 0);
      tile.addParameterGradient(scale, 0);
      if (c % 64 == 0) {
        tile.unitTangent(c % 2);
        tile.tangent();
        tile.storeHessianColumn(out, n, 0, c % 2);
      }
    }
    tile.endPartial(part);
  }
}

package org.hamlab.engine.simd;

import java.util.Objects;
import org.hamlab.engine.parallel.Tiles;

/**
 * Batched derivatives of an MLP H: R^D → R (paper.md §7.4) on the engine's threads: the public
 * facade of the MLP kernels. Used by {@code org.hamlab.engine.nn.Mlp}; other code should use that.
 *
 * <p>Inputs and outputs are {@code double[]} in the engine's state layout ({@code z[k*n + b]},
 * see {@code Hamiltonian}). Parameters θ use the flat layout of {@link MlpShape}. The batch is
 * cut into fixed tiles of {@link #TILE} rows (independent of the thread count) and each tile into
 * micro-tiles of {@link MlpTile#capacity()} rows that go through all layers together. Parameter
 * gradients are summed per tile into a partial, and partials are added in tile order, so the
 * result is bitwise the same on one thread or many. (For tanh, the default, the kernels are pure
 * arithmetic; sigmoid, softplus and sin use the JDK's lanewise EXP/LOG1P/SIN/COS, whose compiled
 * SVML code and interpreted fallback can differ in the last ulp while the JIT is warming up.)
 *
 * <p><b>Layouts.</b> The Panama kernels either run neurons across vector lanes
 * ({@link MlpPanamaF32}, {@link MlpPanamaF64}: tile arrays {@code [row][neuron]}) or samples across
 * lanes ({@link MlpSampleTileF32}, {@link MlpSampleTileF64}: {@code [neuron][sample]}), chosen per
 * net by {@link MlpKernels} ({@code -Dhamlab.simd.layout=sample|neuron} forces one). The layouts
 * sum in different orders, so they agree to rounding, not bitwise; either is bitwise independent
 * of the thread count.
 *
 * <p><b>Mixed precision.</b> With {@code float32}, θ is converted to float by {@link #load} and
 * every activation and derivative inside the kernels is float; the state arrays stay double at
 * this interface and are converted per micro-tile on load and store; per-tile partial parameter
 * gradients are float and the cross-tile reduction is double.
 *
 * <p>Thread-safe for concurrent evaluation; {@link #load} must not run concurrently with it.
 */
public final class MlpOps {
  /** Rows per parallel tile; fixed so that reductions do not depend on the thread count. */
  public static final int TILE = 64;

  /** Package-private switch for tests: run the same tiles serially on the calling thread. */
  static volatile boolean serial;

  /**
   * Below this many matrix FLOPs per call the tiles run on the calling thread: waking the pool
   * costs tens of µs on a busy machine. Tiles are the same either way, so results are too.
   */
  private static final double PARALLEL_FLOPS = 2e6;

  private enum Mode {
    VALUE(false), GRADIENT(false), VALUE_GRADIENT(false), HVP(true), HESSIAN(true),
    GRADIENT_HESSIAN(true), PARAMS(false), MIXED(true), HVP_MIXED(true),
    HESSIAN_MIXED(true);

    /** Whether a tangent pass follows, so the forward pass must keep σ''. */
    final boolean curvature;

    Mode(boolean curvature) {
      this.curvature = curvature;
    }
  }

  private final MlpShape shape;
  private final MlpFunction function;
  private final boolean float32;
  private final boolean panama;
  private final boolean sampleLanes;
  private final MlpWeightsF64 weights64;
  private final MlpWeightsF32 weights32;
  private final ThreadLocal<MlpTile> tiles;
  private final double flopsPerRow;
  private final ThreadLocal<Call> calls = ThreadLocal.withInitial(Call::new);

  /**
   * @param sizes layer sizes {@code [D, h_1, ..., h_K, 1]}
   * @param outputBias whether the last layer has a bias c
   * @param function hidden activation
   * @param float32 compute in float inside the kernels (see class javadoc)
   * @param panama use the Vector API kernels (false: the scalar twins)
   */
  public MlpOps(int[] sizes, boolean outputBias, MlpFunction function, boolean float32,
      boolean panama) {
    this(sizes, outputBias, function, float32, panama, null);
  }

  /** As above; {@code sampleLanes} forces the Panama layout (null: {@link MlpKernels}' choice). */
  MlpOps(int[] sizes, boolean outputBias, MlpFunction function, boolean float32, boolean panama,
      Boolean sampleLanes) {
    this.function = Objects.requireNonNull(function, "function");
    this.float32 = float32;
    this.panama = panama && MlpKernels.available();
    boolean sample = sampleLanes != null ? sampleLanes : MlpKernels.sampleLanes(sizes, float32);
    this.sampleLanes = this.panama && sample;
    int lanes = !this.panama ? 1
        : this.sampleLanes ? MlpSampleTileF32.BLOCK : MlpKernels.lanes(float32);
    this.shape = new MlpShape(sizes, outputBias, lanes);
    this.weights64 = float32 ? null : new MlpWeightsF64(shape);
    this.weights32 = float32 ? new MlpWeightsF32(shape) : null;
    if (this.panama) MlpKernels.warmup(function, float32, this.sampleLanes);
    this.tiles = ThreadLocal.withInitial(this::newTile);
    double m = 0;
    for (int k = 1; k < sizes.length; k++) m += 2.0 * sizes[k - 1] * sizes[k];
    this.flopsPerRow = m;
  }

  /** Whether the Vector API kernels are in use (else the scalar twins). */
  public boolean panama() {
    return panama;
  }

  /** Whether the Panama kernels run samples across vector lanes (else neurons across lanes). */
  public boolean sampleLanes() {
    return sampleLanes;
  }

  /** Whether the kernels compute in float. */
  public boolean float32() {
    return float32;
  }

  /** Number of parameters in the flat layout. */
  public int parameterCount() {
    return shape.parameterCount;
  }

  /** Copies θ (flat layout, length {@link #parameterCount()}) into the kernels' own arrays. */
  public void load(double[] theta) {
    if (theta.length < shape.parameterCount) {
      throw new IllegalArgumentException(
          "θ has " + theta.length + " entries, the network needs " + shape.parameterCount);
    }
    if (float32) weights32.load(shape, theta);
    else weights64.load(shape, theta);
  }

  MlpTile newTile() {
    if (sampleLanes) {
      int vectors = MlpKernels.sampleVectors(float32);
      return float32
          ? new MlpSampleTileF32(shape, weights32, function, vectors)
          : new MlpSampleTileF64(shape, weights64, function, vectors);
    }
    if (float32) {
      return panama
          ? new MlpPanamaF32(shape, weights32, function)
          : new MlpScalarF32(shape, weights32, function);
    }
    return panama
        ? new MlpPanamaF64(shape, weights64, function)
        : new MlpScalarF64(shape, weights64, function);
  }

  /** {@code out[b] = H(z_b)}. */
  public void value(double[] z, int n, double[] out) {
    run(Mode.VALUE, z, null, null, n, out, null, null);
  }

  /** {@code out[k*n+b] = ∂H/∂z_k (z_b)} (paper.md §7.4 item 1). */
  public void gradient(double[] z, int n, double[] out) {
    run(Mode.GRADIENT, z, null, null, n, null, out, null);
  }

  /** H and ∇H from one forward pass. */
  public void valueAndGradient(double[] z, int n, double[] valueOut, double[] gradientOut) {
    run(Mode.VALUE_GRADIENT, z, null, null, n, valueOut, gradientOut, null);
  }

  /** {@code out = ∇²H(z_b) v_b} per row (item 3). */
  public void hessianVector(double[] z, double[] v, int n, double[] out) {
    run(Mode.HVP, z, v, null, n, null, out, null);
  }

  /**
   * Full Hessian {@code out[(i*D + j)*n + b]}: one forward and reverse pass, then forward-over-
   * reverse with the D unit tangents.
   */
  public void hessian(double[] z, int n, double[] out) {
    run(Mode.HESSIAN, z, null, null, n, null, out, null);
  }

  /** ∇H ({@code gradientOut}, state layout) and the full Hessian ({@code hessianOut}). */
  public void gradientAndHessian(double[] z, int n, double[] gradientOut, double[] hessianOut) {
    run(Mode.GRADIENT_HESSIAN, z, null, null, n, gradientOut, hessianOut, null);
  }

  /** {@code grad += Σ_b w_b ∂θ H(z_b)} (item 5). */
  public void accumulateParameterGradient(double[] z, double[] w, int n, double[] grad) {
    run(Mode.PARAMS, z, null, w, n, null, null, grad);
  }

  /** {@code grad += Σ_b ∂θ [v_b · ∇H(z_b)]} (item 4). */
  public void accumulateMixed(double[] z, double[] v, int n, double[] grad) {
    run(Mode.MIXED, z, v, null, n, null, null, grad);
  }

  /** {@code out = ∇²H v} and {@code grad += Σ_b ∂θ [v_b · ∇H(z_b)]}, sharing all passes. */
  public void hessianVectorAndMixed(double[] z, double[] v, int n, double[] out, double[] grad) {
    run(Mode.HVP_MIXED, z, v, null, n, null, out, grad);
  }

  /**
   * The full Hessian {@code hessianOut[(i*D + j)*n + b]}, then {@code v} from it by {@code
   * tangents}, then {@code grad += Σ_b ∂θ [v_b · ∇H(z_b)]}, all on one forward and reverse pass
   * per micro-tile: the discrete adjoint's backward step (paper.md §7.3) in 2 + 2D + 4 matrix
   * passes instead of 2 + 2D and 6; on sample-lane tiles in 2 + 2D + 2, as the tangent pass of v
   * is combined from the D unit ones ({@link MlpTile#combineTangents}).
   */
  public void hessianThenMixed(double[] z, int n, double[] hessianOut, HessianTangents tangents,
      double[] v, double[] grad) {
    Objects.requireNonNull(tangents, "tangents");
    Objects.requireNonNull(v, "v is null");
    Objects.requireNonNull(grad, "grad is null");
    Call call = calls.get();
    call.tangents = tangents;
    try {
      run(Mode.HESSIAN_MIXED, z, v, null, n, null, hessianOut, grad);
    } finally {
      call.tangents = null;
    }
  }

  private void run(Mode mode, double[] z, double[] v, double[] w, int n, double[] out1,
      double[] out2, double[] grad) {
    if (n <= 0) return;
    check(mode, z, v, w, n, out1, out2, grad);
    int tileCount = Tiles.count(n, TILE);
    Call call = calls.get();
    call.set(mode, z, v, w, n, out1, out2, grad == null ? null : call.partials(tileCount));
    try {
      if (serial || tileCount < 2 || n * flopsPerRow * passes(mode) < PARALLEL_FLOPS) {
        for (int t = 0; t < tileCount; t++) call.run(t, t * TILE, Math.min(n, (t + 1) * TILE));
      } else {
        Tiles.forEach(n, TILE, call);
      }
      if (grad != null) reduce(call.parts, tileCount, grad);
    } finally {
      call.set(null, null, null, null, 0, null, null, null);
    }
  }

  /**
   * One call's arguments as a reusable tile task, one per calling thread, so that a serial call
   * allocates nothing. Its partials (one padded gradient per tile, plus the running total) are
   * written by whichever thread runs the tile and reduced by the caller in tile order.
   */
  private final class Call implements Tiles.TileTask {
    private Mode mode;
    private double[] z;
    private double[] v;
    private double[] w;
    private int n;
    private double[] out1;
    private double[] out2;
    private double[][] parts;
    private HessianTangents tangents;
    private double[][] buffers = new double[0][];

    void set(Mode mode, double[] z, double[] v, double[] w, int n, double[] out1, double[] out2,
        double[][] parts) {
      this.mode = mode;
      this.z = z;
      this.v = v;
      this.w = w;
      this.n = n;
      this.out1 = out1;
      this.out2 = out2;
      this.parts = parts;
    }

    double[][] partials(int count) {
      if (buffers.length < count + 1) {
        double[][] q = java.util.Arrays.copyOf(buffers, Math.max(count + 1, 2 * buffers.length));
        for (int i = buffers.length; i < q.length; i++) q[i] = new double[shape.paddedCount];
        buffers = q;
      }
      return buffers;
    }

    @Override
    public void run(int tile, int from, int to) {
      MlpTile t = tiles.get();
      if (parts != null) t.beginPartial();
      int rows = t.capacity();
      for (int b = from; b < to; b += rows) {
        microTile(t, mode, z, v, w, n, b, Math.min(rows, to - b), out1, out2, tangents);
      }
      if (parts != null) t.endPartial(parts[tile]);
    }
  }

  private void check(Mode mode, double[] z, double[] v, double[] w, int n, double[] out1,
      double[] out2, double[] grad) {
    int dim = shape.count[0];
    need("z", z, dim * n, n);
    if (v != null) need("v", v, dim * n, n);
    if (mode == Mode.PARAMS) need("w", w, n, n);
    if (grad != null) need("grad", grad, shape.parameterCount, n);
    boolean hessian =
        mode == Mode.HESSIAN || mode == Mode.GRADIENT_HESSIAN || mode == Mode.HESSIAN_MIXED;
    if (mode == Mode.VALUE || mode == Mode.VALUE_GRADIENT) need("value out", out1, n, n);
    if (mode == Mode.GRADIENT_HESSIAN) need("gradient out", out1, dim * n, n);
    if (out2 != null) need(hessian ? "Hessian out" : "out", out2, (hessian ? dim : 1) * dim * n, n);
  }

  private static void need(String what, double[] a, int length, int n) {
    if (a == null) throw new NullPointerException(what + " is null");
    if (a.length < length) {
      throw new IllegalArgumentException(what + " has length " + a.length + " but " + length
          + " are needed for n = " + n + " rows (state layout, see Hamiltonian)");
    }
  }

  /** Matrix passes of a mode, in units of one forward pass (see MlpKernelMain for the count). */
  private int passes(Mode mode) {
    return switch (mode) {
      case VALUE -> 1;
      case GRADIENT, VALUE_GRADIENT, PARAMS -> 3;
      case HVP -> 4;
      case MIXED, HVP_MIXED -> 6;
      case HESSIAN, GRADIENT_HESSIAN -> 2 + 2 * shape.count[0];
      case HESSIAN_MIXED -> 6 + 2 * shape.count[0];
    };
  }

  private void microTile(MlpTile t, Mode mode, double[] z, double[] v, double[] w, int n, int from,
      int rows, double[] out1, double[] out2, HessianTangents tangents) {
    t.load(z, n, from, rows);
    t.forward(mode.curvature);
    switch (mode) {
      case VALUE -> t.value(out1, from);
      case GRADIENT -> {
        t.backward(null, from);
        t.storeGradient(out2, n, from);
      }
      case VALUE_GRADIENT -> {
        t.value(out1, from);
        t.backward(null, from);
        t.storeGradient(out2, n, from);
      }
      case HVP -> {
        t.backward(null, from);
        t.loadTangent(v, n, from);
        t.tangent();
        t.storeHessianVector(out2, n, from);
      }
      case HESSIAN, GRADIENT_HESSIAN, HESSIAN_MIXED -> {
        t.backward(null, from);
        if (mode == Mode.GRADIENT_HESSIAN) t.storeGradient(out1, n, from);
        boolean combine = mode == Mode.HESSIAN_MIXED && t.combinesTangents();
        for (int j = 0; j < shape.count[0]; j++) {
          t.unitTangent(j);
          t.tangent();
          t.storeHessianColumn(out2, n, from, j);
          if (combine) t.keepTangent(j);
        }
        if (mode == Mode.HESSIAN_MIXED) {
          tangents.tangents(out2, n, from, rows, v);
          if (combine) {
            t.combineTangents(v, n, from);
          } else {
            t.loadTangent(v, n, from);
            t.tangent();
          }
          t.addMixed();
        }
      }
      case PARAMS -> {
        t.backward(w, from);
        t.addParameterGradient(w, from);
      }
      case MIXED, HVP_MIXED -> {
        t.backward(null, from);
        t.loadTangent(v, n, from);
        t.tangent();
        if (mode == Mode.HVP_MIXED) t.storeHessianVector(out2, n, from);
        t.addMixed();
      }
    }
  }

  /** Adds the partials in tile order (slot {@code count} is the running total). */
  private void reduce(double[][] parts, int count, double[] grad) {
    if (count == 1) {
      shape.addPaddedTo(parts[0], grad);
      return;
    }
    double[] total = parts[count];
    System.arraycopy(parts[0], 0, total, 0, total.length);
    for (int t = 1; t < count; t++) {
      double[] p = parts[t];
      for (int e = 0; e < total.length; e++) total[e] += p[e];
    }
    shape.addPaddedTo(total, grad);
  }
}

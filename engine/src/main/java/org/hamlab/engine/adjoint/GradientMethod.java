package org.hamlab.engine.adjoint;

import java.lang.management.ManagementFactory;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.nn.ParametricHamiltonian;

/**
 * A way to compute a window loss and its gradient dL/dθ for a {@link ParametricHamiltonian}
 * (paper.md §7). The closed set: {@link DiscreteAdjoint} (exact, the default), {@link Backprop}
 * (BPTT through the fixed-sweep solver, the reference and memory contrast) and {@link
 * AuthorsGradient} (the released code's gradient, paper.md §7.2; not recommended).
 *
 * <p>Inputs: a window batch ({@link Trajectories}, trajectory layout {@code [(s*dim+k)*B+b]},
 * {@code N+1 = points()} points, h = {@code dt()}) whose points are the observations of {@link
 * WindowLoss}. Rows are processed in fixed tiles (each tile through all time steps, so the network
 * weights stay in cache) on the engine threads; per-tile partial gradients are reduced in tile
 * order, so results are bitwise independent of the thread count. Implementations are immutable
 * records and thread-safe.
 */
public sealed interface GradientMethod permits DiscreteAdjoint, Backprop, AuthorsGradient {

  /** Registry name: {@code "adjoint"}, {@code "backprop"} or {@code "authors"}. */
  String name();

  /** The loss this method's forward pass evaluates. */
  WindowLoss windowLoss();

  /** Rows per tile. */
  int tile();

  /** The forward implicit-midpoint solve. */
  MidpointSolve solve();

  /**
   * The window loss and its gradient.
   *
   * @param grad output, overwritten with dL/dθ, length ≥ {@code model.parameterCount()}
   * @return L
   * @throws org.hamlab.engine.integrator.SolveException when an implicit solve fails (names the
   *     step, the batch row and the state)
   */
  default double lossAndGradient(ParametricHamiltonian model, Trajectories window, double[] grad) {
    check(model, window, grad);
    return compute(model, window, null, grad, new Buffers());
  }

  /**
   * The loss and gradient of the minibatch made of the windows {@code rows} of {@code data}, in
   * that order: the same result as {@code lossAndGradient(model, data.select(rows), grad)}, bit for
   * bit, without copying the windows (each tile reads its rows in place, on its own thread).
   */
  default double lossAndGradient(
      ParametricHamiltonian model, Trajectories data, int[] rows, double[] grad) {
    check(model, data, grad);
    if (rows.length == 0) throw new IllegalArgumentException("a minibatch needs at least one row");
    return compute(model, data, rows, grad, new Buffers());
  }

  /** The window loss only (validation); same forward solve as the gradient. */
  default double loss(ParametricHamiltonian model, Trajectories window) {
    check(model, window, null);
    return compute(model, window, null, null, new Buffers());
  }

  /**
   * Doubles held by one gradient computation over a batch of {@code rows} windows of {@code steps}
   * steps, counted from the algorithm (states or tape, work arrays, per-tile partial gradients;
   * summed over tiles as if all were resident). Excludes the input data and the output.
   */
  long retainedDoubles(int dof, int rows, int steps, int parameters);

  /**
   * Runs one gradient computation and reports its memory: the analytical count ({@link
   * #retainedDoubles}), the doubles actually allocated for work arrays (explicit accounting) and
   * the bytes the JVM reports allocated by all threads during the call.
   */
  default MemoryUse memory(ParametricHamiltonian model, Trajectories window) {
    check(model, window, null);
    double[] grad = new double[model.parameterCount()];
    Buffers buffers = new Buffers();
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getTotalThreadAllocatedBytes();
    compute(model, window, null, grad, buffers);
    long allocated = mx.getTotalThreadAllocatedBytes() - before;
    int steps = window.points() - 1;
    return new MemoryUse(
        name(),
        window.count(),
        steps,
        model.dim(),
        model.parameterCount(),
        retainedDoubles(model.dof(), window.count(), steps, model.parameterCount()),
        buffers.doubles(),
        allocated);
  }

  /**
   * Runs the method's tiles over the batch (rows of {@code window}, or all of them) and reduces
   * them in tile order; without {@code grad}, the forward rollout's loss only.
   */
  private double compute(
      ParametricHamiltonian model, Trajectories window, int[] rows, double[] grad, Buffers buffers) {
    WindowBatch batch = WindowBatch.of(model, window, rows, windowLoss());
    double c = 2 / batch.denominator();
    TileRunner.TileBody gradient =
        switch (this) {
          case DiscreteAdjoint a -> (from, to, g, buf) -> a.tile(model, batch, c, from, to - from, g, buf);
          case Backprop b -> (from, to, g, buf) -> b.tile(model, batch, c, from, to - from, g, buf);
          case AuthorsGradient a -> (from, to, g, buf) -> a.tile(model, batch, c, from, to - from, g, buf);
        };
    double sum =
        TileRunner.run(
            batch.size(),
            tile(),
            model.parameterCount(),
            grad,
            buffers,
            (from, to, g, buf) ->
                g == null
                    ? batch.rolloutLoss(solve(), from, to - from, buf)
                    : gradient.run(from, to, g, buf));
    return sum / batch.denominator();
  }

  private static void check(ParametricHamiltonian model, Trajectories window, double[] grad) {
    WindowLoss.check(window, model.dof());
    if (grad != null && grad.length < model.parameterCount()) {
      throw new IllegalArgumentException(
          "gradient array has "
              + grad.length
              + " entries, the model has "
              + model.parameterCount()
              + " parameters");
    }
  }
}

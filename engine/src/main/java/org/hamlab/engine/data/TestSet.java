package org.hamlab.engine.data;

/**
 * A batch of evaluation states with a name: one of the three sets of paper.md §8.2.
 *
 * <p>Layout: the state layout of {@link org.hamlab.engine.system.Hamiltonian}, component k of point
 * b at {@code states[k*count + b]}, components {@code q_1..q_d, p_1..p_d}. Only components {@code
 * xAxis} and {@code yAxis} vary between points (the plane of the error maps, paper.md §8.3); the
 * others are fixed. A grid set ({@link Kind#GRID}) is a {@code gridSide × gridSide} meshgrid "xy":
 * point {@code b = i*gridSide + j} has the j-th x value and the i-th y value, so x varies fastest.
 * The arrays are shared, not copied: do not modify them.
 *
 * @param name registry-style key: {@code "grid"}, {@code "uniform"} or {@code "gaussian"}
 * @param description one line for tables and plot titles, e.g. "uniform grid 30×30 on [−2, 2]²"
 * @param kind how the points were drawn
 * @param dof degrees of freedom d (state dimension 2d)
 * @param count number of points n
 * @param states the points, state layout, length {@code 2d·n}
 * @param xAxis the component on the first plot axis
 * @param yAxis the component on the second plot axis
 * @param gridSide points per grid axis for {@link Kind#GRID}, 0 otherwise
 * @param spec the spec the set was drawn from
 */
public record TestSet(
    String name,
    String description,
    Kind kind,
    int dof,
    int count,
    double[] states,
    int xAxis,
    int yAxis,
    int gridSide,
    TestSetSpec spec) {

  /** How the points of a set are drawn (paper.md §8.2). */
  public enum Kind {
    /** Regular grid (linspace on both varying components). */
    GRID,
    /** Independent uniform draws on the box. */
    UNIFORM,
    /** Independent centred normal draws; partly outside the box ("OOD"). */
    GAUSSIAN
  }

  public TestSet {
    if (dof < 1 || count < 1)
      throw new IllegalArgumentException("dof and count must be ≥ 1, got " + dof + ", " + count);
    if (states == null || states.length != 2L * dof * count) {
      throw new IllegalArgumentException(
          "states must hold 2·dof·count = "
              + 2L * dof * count
              + " values, got "
              + (states == null ? "null" : states.length));
    }
    if (kind == Kind.GRID ? (long) gridSide * gridSide != count : gridSide != 0) {
      throw new IllegalArgumentException(
          "a grid set has gridSide² = count points and other sets gridSide 0; got "
              + kind
              + ", gridSide "
              + gridSide
              + ", count "
              + count);
    }
  }

  /** State dimension 2d. */
  public int dim() {
    return 2 * dof;
  }

  /** The varying coordinate on the first plot axis of point b. */
  public double x(int b) {
    return states[xAxis * count + b];
  }

  /** The varying coordinate on the second plot axis of point b. */
  public double y(int b) {
    return states[yAxis * count + b];
  }

  /** Point b as {@code (q_1..q_d, p_1..p_d)}. */
  public double[] point(int b) {
    double[] r = new double[dim()];
    for (int k = 0; k < r.length; k++) r[k] = states[k * count + b];
    return r;
  }

  /** Axis label of component k: "q", "p" when d = 1, else "q_1".."q_d", "p_1".."p_d". */
  public String label(int k) {
    String s = k < dof ? "q" : "p";
    return dof == 1 ? s : s + "_" + (k % dof + 1);
  }

  @Override
  public String toString() {
    return "TestSet[" + name + ": " + description + "]";
  }
}

package org.hamlab.dsl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hamlab.dsl.plot.Figure;
import org.hamlab.dsl.plot.Layer;
import org.hamlab.engine.data.TestSet;
import org.hamlab.engine.data.Trajectories;
import org.hamlab.engine.system.Hamiltonian;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/** The figure catalogue of paper.md §9, built from DSL objects. */
final class Figures {
  static final String TRUE = "#1f77b4", LEARNED = "#d62728";
  private static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
      "#e377c2", "#17becf"};
  /** Band levels of the error maps (paper.md §8.3). */
  static final double[] BANDS = {1e-4, 1e-3, 1e-2, 1e-1, 1};
  private static final int BINS = 60;

  private Figures() {}

  static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** Phase portrait (q_1, p_1) of each orbit: true flows solid, learned flows dashed (F2/F7 style). */
  static Figure phase(List<Orbit> orbits) {
    List<Layer> layers = new ArrayList<>();
    int learned = 0, truth = 0;
    for (Orbit o : orbits) {
      String color = o.learned() ? (learned++ == 0 ? LEARNED : color(2 + learned)) : (truth++ == 0 ? TRUE : color(3 + truth));
      layers.add(new Layer.Curve(o.label() + " from " + o.initial(), o.q(1), o.p(1),
          o.learned() ? Layer.Style.DASH : Layer.Style.LINE, color));
    }
    boolean one = orbits.get(0).dof() == 1;
    String title = orbits.stream().anyMatch(Orbit::learned) && orbits.stream().anyMatch(o -> !o.learned())
        ? "Phase portrait: learned vs true" : "Phase portrait";
    return Figure.of(title, one ? "q" : "q₁", one ? "p" : "p₁", layers).equalAxes(true);
  }

  /** q(t) and p(t) of each orbit. */
  static Figure timeSeries(List<Orbit> orbits) {
    List<Layer> layers = new ArrayList<>();
    int i = 0;
    for (Orbit o : orbits) {
      Layer.Style style = o.learned() ? Layer.Style.DASH : Layer.Style.LINE;
      layers.add(new Layer.Curve("q (" + o.label() + ")", o.times(), o.q(1), style, color(2 * i)));
      layers.add(new Layer.Curve("p (" + o.label() + ")", o.times(), o.p(1), style, color(2 * i + 1)));
      i++;
    }
    return Figure.of("Time series", "t", "state", layers);
  }

  /** The first {@code max} trajectories of a data set in the (q_1, p_1) plane. */
  static Figure data(Data d, int max) {
    Trajectories t = d.trajectories();
    int n = Math.min(max, t.count()), pts = t.points();
    double[] x = new double[n * (pts + 1)], y = new double[x.length];
    int i = 0;
    for (int b = 0; b < n; b++) {
      for (int s = 0; s < pts; s++, i++) {
        x[i] = t.states()[t.index(s, 0, b)];
        y[i] = t.states()[t.index(s, t.dof(), b)];
      }
      x[i] = Double.NaN;
      y[i++] = Double.NaN;
    }
    Layer.Style style = pts > 20 ? Layer.Style.LINE : Layer.Style.MARKERS;
    String sys = d.system() == null ? "data" : d.system().name();
    return Figure.of("Training data: " + n + " of " + t.count() + " trajectories (" + sys + ")", t.dof() == 1 ? "q" : "q₁",
        t.dof() == 1 ? "p" : "p₁", List.of(new Layer.Curve("observed", x, y, style, TRUE))).equalAxes(true);
  }

  /** Training loss per epoch, log scale. */
  static Figure loss(List<Model> models) {
    List<Layer> layers = new ArrayList<>();
    int i = 0;
    for (Model m : models) {
      Table h = m.history();
      if (h.rowCount() == 0) throw new IllegalArgumentException("the model " + m.label() + " has no training history (loaded from a file?)");
      layers.add(new Layer.Curve(m.label(), h.intColumn("epoch").asDoubleArray(), h.doubleColumn("loss").asDoubleArray(),
          Layer.Style.LINE, color(i++)));
    }
    return Figure.of("Training loss", "epoch", "loss", layers).logY(true);
  }

  /** Error map on a log colour scale with the band levels 1e-4…1 (paper.md §8.3, F3–F6). */
  static Figure errorMap(ErrorEstimate e) {
    TestSet set = e.set();
    double[] err = e.result().errors();
    double[] xs, ys;
    double[][] z;
    if (set.kind() == TestSet.Kind.GRID) {
      int side = set.gridSide();
      xs = new double[side];
      ys = new double[side];
      z = new double[side][side];
      for (int i = 0; i < side; i++) {
        for (int j = 0; j < side; j++) {
          int b = i * side + j;
          xs[j] = set.x(b);
          ys[i] = set.y(b);
          z[i][j] = err[b];
        }
      }
    } else {
      // 60×60 binned means over the box, as the authors' binned_statistic_2d (paper.md §8.3)
      double lo = set.spec().lo(), hi = set.spec().hi(), w = (hi - lo) / BINS;
      double[][] sum = new double[BINS][BINS];
      int[][] cnt = new int[BINS][BINS];
      for (int b = 0; b < set.count(); b++) {
        int i = (int) Math.floor((set.y(b) - lo) / w), j = (int) Math.floor((set.x(b) - lo) / w);
        if (i < 0 || j < 0 || i >= BINS || j >= BINS) continue;
        sum[i][j] += err[b];
        cnt[i][j]++;
      }
      xs = new double[BINS];
      ys = new double[BINS];
      z = new double[BINS][BINS];
      for (int i = 0; i < BINS; i++) {
        xs[i] = lo + (i + 0.5) * w;
        ys[i] = xs[i];
        for (int j = 0; j < BINS; j++) z[i][j] = cnt[i][j] == 0 ? Double.NaN : sum[i][j] / cnt[i][j];
      }
    }
    String title = "‖H_pred − H_true‖₁ on " + set.description() + ": " + e.formatted();
    return Figure.of(title, set.label(set.xAxis()), set.label(set.yAxis()),
        List.of(new Layer.Field("|ΔH|", xs, ys, z, BANDS))).equalAxes(true);
  }

  /** True vs learned vector field J∇H on a side×side grid, drawn as segments (paper.md §8.3, F2). */
  static Figure vectorField(Model m, HamiltonianSystem s, int side) {
    if (side < 2 || side > 200) throw new IllegalArgumentException("vector field grid side must be 2..200, got " + side);
    TestSet set = TestPoints.of("grid", side).resolve(s);
    Hamiltonian truth = s.hamiltonian(), learned = m.hamiltonian();
    int n = set.count(), d = s.dof();
    double[] gt = new double[2 * d * n], gl = new double[2 * d * n];
    truth.gradient(set.states(), n, gt);
    learned.gradient(set.states(), n, gl);
    int qx = set.xAxis(), qy = set.yAxis();
    double[][] ft = field(gt, n, d, qx, qy), fl = field(gl, n, d, qx, qy);
    double maxLen = 1e-300;
    for (int b = 0; b < n; b++) {
      maxLen = Math.max(maxLen, Math.hypot(ft[0][b], ft[1][b]));
      maxLen = Math.max(maxLen, Math.hypot(fl[0][b], fl[1][b]));
    }
    double spacing = (set.spec().hi() - set.spec().lo()) / (side - 1), scale = 0.9 * spacing / maxLen;
    double[] x = new double[n], y = new double[n];
    for (int b = 0; b < n; b++) {
      x[b] = set.x(b);
      y[b] = set.y(b);
    }
    return Figure.of("Vector field J∇H: true (blue) vs learned (red)", set.label(qx), set.label(qy), List.of(
        new Layer.Arrows("true J∇H", x, y, scaled(ft[0], scale), scaled(ft[1], scale), TRUE),
        new Layer.Arrows("learned J∇H_θ", x, y, scaled(fl[0], scale), scaled(fl[1], scale), LEARNED))).equalAxes(true);
  }

  /** Components (qx, qy) of f = J∇H: q̇_i = ∂H/∂p_i, ṗ_i = −∂H/∂q_i. */
  private static double[][] field(double[] grad, int n, int d, int kx, int ky) {
    double[][] out = new double[2][n];
    int[] ks = {kx, ky};
    for (int c = 0; c < 2; c++) {
      int k = ks[c];
      for (int b = 0; b < n; b++) out[c][b] = k < d ? grad[(k + d) * n + b] : -grad[(k - d) * n + b];
    }
    return out;
  }

  private static double[] scaled(double[] v, double s) {
    return Arrays.stream(v).map(a -> a * s).toArray();
  }

  /**
   * H_θ along the first {@code count} trajectories of the data (clean states when known),
   * shifted by the mean offset c over all initial states, against H_true(y₀) (paper.md §8.3, F7).
   */
  static Figure energyAlong(Model m, Data d, int count) {
    Trajectories t = d.trajectories();
    HamiltonianSystem s = d.requireSystem("energyAlong");
    Hamiltonian truth = s.hamiltonian(), learned = m.hamiltonian();
    double[] z = t.clean() != null ? t.clean() : t.states();
    int n = t.count(), dim = t.dim(), pts = t.points();
    double[] z0 = Arrays.copyOf(z, dim * n), h0 = new double[n], l0 = new double[n];
    truth.value(z0, n, h0);
    learned.value(z0, n, l0);
    double c = 0;
    for (int b = 0; b < n; b++) c += (l0[b] - h0[b]) / n;
    int k = Math.min(count, n);
    List<Layer> layers = new ArrayList<>();
    double[] times = new double[pts];
    for (int s2 = 0; s2 < pts; s2++) times[s2] = s2 * t.dt();
    for (int b = 0; b < k; b++) {
      double[] row = new double[dim * pts], hl = new double[pts];
      for (int s2 = 0; s2 < pts; s2++) {
        for (int j = 0; j < dim; j++) row[j * pts + s2] = z[t.index(s2, j, b)];
      }
      learned.value(row, pts, hl);
      for (int s2 = 0; s2 < pts; s2++) hl[s2] -= c;
      double[] flat = new double[pts];
      Arrays.fill(flat, h0[b]);
      layers.add(new Layer.Curve("H_θ − c, trajectory " + b, times, hl, Layer.Style.LINE, color(b)));
      layers.add(new Layer.Curve("H_true(y₀), trajectory " + b, times, flat, Layer.Style.DASH, color(b)));
    }
    return Figure.of(String.format(Locale.ROOT, "H_θ along %d true trajectories (c = %.4g)", k, c), "t", "H", layers);
  }

  /** Mean |ΔH| against t, log scale. */
  static Figure drift(List<Drift> drifts) {
    List<Layer> layers = new ArrayList<>();
    int i = 0;
    for (Drift d : drifts) layers.add(new Layer.Curve(d.label(), d.times(), d.meanCurve(), Layer.Style.LINE, color(i++)));
    return Figure.of("Energy drift |H_true(ŷ(t)) − H_true(y₀)|", "t", "mean |ΔH|", layers).logY(true);
  }

  /** Lines of every numeric column of {@code table} against its column {@code x}. */
  static Figure lines(String title, Table table, String x, boolean logY) {
    if (!table.columnNames().contains(x)) {
      throw new IllegalArgumentException("table '" + table.name() + "' has no column '" + x + "'; columns: " + table.columnNames());
    }
    double[] xs = ((NumericColumn<?>) table.column(x)).asDoubleArray();
    List<Layer> layers = new ArrayList<>();
    int i = 0;
    for (var col : table.columns()) {
      if (col.name().equals(x) || !(col instanceof NumericColumn<?> nc)) continue;
      layers.add(new Layer.Curve(col.name(), xs, nc.asDoubleArray(), Layer.Style.LINE, color(i++)));
    }
    if (layers.isEmpty()) throw new IllegalArgumentException("table '" + table.name() + "' has no numeric column besides '" + x + "'");
    return Figure.of(title, x, layers.size() == 1 ? layers.get(0).name() : "value", layers).logY(logY);
  }
}

package org.hamlab.dsl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Static PNG of a {@link Figure} with JFreeChart 1.5.6 (libraries.md §2.3), for places that do not
 * run JavaScript (GitHub, nbconvert, PDF). Fields are drawn as blocks on a log colour scale
 * (viridis, band levels as legend ticks); contour lines are only in the interactive version.
 */
final class PngRenderer {
  private static final Color[] VIRIDIS = {new Color(68, 1, 84), new Color(59, 82, 139), new Color(33, 145, 140),
      new Color(94, 201, 98), new Color(253, 231, 37)};

  private PngRenderer() {}

  static byte[] render(Figure f) {
    JFreeChart chart = chart(f);
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, f.width(), f.height());
      chart.draw(g, new Rectangle(0, 0, f.width(), f.height()));
    } finally {
      g.dispose();
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JFreeChart chart(Figure f) {
    NumberAxis x = new NumberAxis(f.xTitle());
    x.setAutoRangeIncludesZero(false);
    ValueAxis y;
    if (f.isLogY()) {
      // LogarithmicAxis labels 1e-3, 2e-3, … also when the data span less than a decade
      org.jfree.chart.axis.LogarithmicAxis log = new org.jfree.chart.axis.LogarithmicAxis(f.yTitle());
      log.setStrictValuesFlag(false);
      log.setExpTickLabelsFlag(true);
      y = log;
    } else {
      NumberAxis ny = new NumberAxis(f.yTitle());
      ny.setAutoRangeIncludesZero(false);
      y = ny;
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(220, 220, 220));
    plot.setRangeGridlinePaint(new Color(220, 220, 220));
    int index = 0;
    PaintScaleLegend legend = null;
    for (Layer layer : f.layers()) {
      switch (layer) {
        case Layer.Field fl -> {
          legend = addField(plot, index++, fl);
        }
        case Layer.Curve c -> addSeries(plot, index++, c.name(), c.x(), c.y(), c.style(), c.color(), f.isLogY());
        case Layer.Arrows a -> {
          double[][] xy = a.polyline();
          addSeries(plot, index++, a.name(), xy[0], xy[1], Layer.Style.LINE, a.color(), false);
        }
      }
    }
    JFreeChart chart = new JFreeChart(f.title(), new Font("SansSerif", Font.BOLD, 14), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    if (legend != null) chart.addSubtitle(legend);
    chart.setTitle(new TextTitle(f.title(), new Font("SansSerif", Font.BOLD, 14)));
    return chart;
  }

  private static void addSeries(XYPlot plot, int index, String name, double[] xs, double[] ys,
      Layer.Style style, String color, boolean logY) {
    XYSeries s = new XYSeries(name, false, true);
    for (int i = 0; i < xs.length; i++) {
      double v = ys[i];
      if (logY && !(v > 0)) v = Double.NaN; // a log axis cannot show v ≤ 0: leave a gap
      s.add(xs[i], v);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(style != Layer.Style.MARKERS, style == Layer.Style.MARKERS);
    Color c = color(color);
    r.setSeriesPaint(0, c);
    if (style == Layer.Style.MARKERS) {
      r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
    } else if (style == Layer.Style.DASH) {
      r.setSeriesStroke(0, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    } else {
      r.setSeriesStroke(0, new BasicStroke(1.5f));
    }
    plot.setDataset(index, new XYSeriesCollection(s));
    plot.setRenderer(index, r);
  }

  private static PaintScaleLegend addField(XYPlot plot, int index, Layer.Field fl) {
    double[][] lz = fl.log10();
    int nx = fl.x().length, ny = fl.y().length;
    double[] xs = new double[nx * ny], ys = new double[nx * ny], zs = new double[nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        xs[j * nx + i] = fl.x()[i];
        ys[j * nx + i] = fl.y()[j];
        zs[j * nx + i] = lz[j][i];
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries(fl.name(), new double[][] {xs, ys, zs});
    double lo = Math.log10(fl.levels()[0]), hi = Math.log10(fl.levels()[fl.levels().length - 1]);
    LookupPaintScale scale = new LookupPaintScale(lo, hi + 1e-9, new Color(0, 0, 0, 0));
    int steps = 64;
    for (int s = 0; s < steps; s++) {
      double t = s / (double) (steps - 1);
      scale.add(lo + t * (hi - lo), viridis(t));
    }
    XYBlockRenderer r = new XYBlockRenderer();
    r.setPaintScale(new ClampedScale(scale, lo, hi));
    if (nx > 1) r.setBlockWidth(Math.abs(fl.x()[1] - fl.x()[0]));
    if (ny > 1) r.setBlockHeight(Math.abs(fl.y()[1] - fl.y()[0]));
    plot.setDataset(index, ds);
    plot.setRenderer(index, r);
    NumberAxis axis = new NumberAxis(fl.name() + " (log10)");
    axis.setRange(lo, hi);
    PaintScaleLegend legend = new PaintScaleLegend(new ClampedScale(scale, lo, hi), axis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    return legend;
  }

  /** Values outside [lo, hi] take the end colours (LogNorm with clipping, as the paper's maps). */
  private record ClampedScale(LookupPaintScale inner, double lo, double hi) implements org.jfree.chart.renderer.PaintScale {
    @Override public double getLowerBound() { return lo; }

    @Override public double getUpperBound() { return hi; }

    @Override public java.awt.Paint getPaint(double v) {
      if (Double.isNaN(v)) return new Color(0, 0, 0, 0);
      return inner.getPaint(Math.max(lo, Math.min(hi, v)));
    }
  }

  private static Color viridis(double t) {
    double p = t * (VIRIDIS.length - 1);
    int i = Math.min((int) p, VIRIDIS.length - 2);
    double w = p - i;
    Color a = VIRIDIS[i], b = VIRIDIS[i + 1];
    return new Color((int) Math.round(a.getRed() + w * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + w * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + w * (b.getBlue() - a.getBlue())));
  }

  private static Color color(String css) {
    if (css != null && css.startsWith("#") && css.length() == 7) return Color.decode(css);
    return Color.DARK_GRAY;
  }
}

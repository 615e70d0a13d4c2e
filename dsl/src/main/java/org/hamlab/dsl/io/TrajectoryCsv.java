package org.hamlab.dsl.io;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hamlab.engine.data.Trajectories;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Trajectories as CSV: one row per observation, columns {@code trajectory, t, q1..qd, p1..pd}
 * ({@code q, p} when d = 1), with a header naming them. Rows of one trajectory are consecutive
 * and in time order, every trajectory has the same number of points, and times are evenly spaced
 * with one dt for the whole file. Reading refuses a file that breaks any of this and names every
 * offending line; nothing is dropped silently. Numbers are written with full double precision,
 * so a round trip is exact.
 */
public final class TrajectoryCsv {
  private static final double DT_TOLERANCE = 1e-6;

  private TrajectoryCsv() {}

  /** Column names for d degrees of freedom. */
  public static List<String> header(int dof) {
    List<String> h = new ArrayList<>(List.of("trajectory", "t"));
    for (String c : new String[] {"q", "p"}) {
      for (int i = 1; i <= dof; i++) h.add(dof == 1 ? c : c + i);
    }
    return h;
  }

  /** Writes {@code t} (observed states) to {@code path}; returns the path. */
  public static Path write(Trajectories t, Path path) {
    int dim = t.dim();
    try {
      if (path.toAbsolutePath().getParent() != null) Files.createDirectories(path.toAbsolutePath().getParent());
      try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
        w.write(String.join(",", header(t.dof())));
        w.newLine();
        StringBuilder line = new StringBuilder();
        for (int b = 0; b < t.count(); b++) {
          for (int s = 0; s < t.points(); s++) {
            line.setLength(0);
            line.append(b).append(',').append(s * t.dt());
            for (int k = 0; k < dim; k++) line.append(',').append(t.states()[t.index(s, k, b)]);
            w.write(line.toString());
            w.newLine();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
    }
    return path;
  }

  /** Reads a file in this format; a malformed file throws {@link CsvFormatException}. */
  public static Trajectories read(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no such file: " + path.toAbsolutePath());
    }
    try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return read(r, path.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Reads the format from {@code r}; {@code name} names the source in messages. */
  public static Trajectories read(BufferedReader r, String name) throws IOException {
    List<CsvFormatException.Problem> problems = new ArrayList<>();
    String headerLine = r.readLine();
    int lineNo = 1;
    while (headerLine != null && (headerLine.isBlank() || headerLine.startsWith("#"))) {
      headerLine = r.readLine();
      lineNo++;
    }
    if (headerLine == null) throw new CsvFormatException(name, List.of(new CsvFormatException.Problem(0, "the file is empty")));
    String[] head = split(headerLine);
    int cols = head.length;
    if (cols < 4 || (cols - 2) % 2 != 0) {
      throw new CsvFormatException(name, List.of(new CsvFormatException.Problem(lineNo, "the header must be "
          + "trajectory,t,q,p (d = 1) or trajectory,t,q1,..,qd,p1,..,pd; got '" + headerLine + "'")));
    }
    int dof = (cols - 2) / 2;
    List<String> expected = header(dof);
    for (int c = 0; c < cols; c++) {
      String h = head[c].strip().toLowerCase(Locale.ROOT);
      if (!h.equals(expected.get(c)) && !(dof == 1 && h.equals(expected.get(c) + "1"))) {
        problems.add(new CsvFormatException.Problem(lineNo, "column " + (c + 1) + " is named '" + head[c].strip()
            + "', expected '" + expected.get(c) + "' (header " + String.join(",", expected) + ")"));
      }
    }
    if (!problems.isEmpty()) throw new CsvFormatException(name, problems);

    Map<Long, Series> byId = new LinkedHashMap<>();
    Series current = null;
    String line;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = split(line);
      if (f.length != cols) {
        problems.add(new CsvFormatException.Problem(lineNo, "has " + f.length + " fields, the header has " + cols));
        continue;
      }
      long id;
      try {
        id = Long.parseLong(f[0].strip());
      } catch (NumberFormatException e) {
        problems.add(new CsvFormatException.Problem(lineNo, "trajectory id '" + f[0].strip() + "' is not an integer"));
        continue;
      }
      double[] v = new double[cols - 1];
      boolean ok = true;
      for (int c = 1; c < cols; c++) {
        String s = f[c].strip();
        try {
          v[c - 1] = s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
          v[c - 1] = Double.NaN;
        }
        if (!Double.isFinite(v[c - 1])) {
          problems.add(new CsvFormatException.Problem(lineNo, "column '" + expected.get(c) + "' is "
              + (s.isEmpty() ? "missing" : "'" + s + "', not a finite number")));
          ok = false;
        }
      }
      if (!ok) continue;
      if (current == null || current.id != id) {
        if (byId.containsKey(id)) {
          problems.add(new CsvFormatException.Problem(lineNo, "trajectory " + id + " continues here after other "
              + "trajectories (its rows started at line " + byId.get(id).firstLine + "); keep each trajectory's rows together"));
          continue;
        }
        current = new Series(id, lineNo);
        byId.put(id, current);
      }
      current.lines.add(lineNo);
      current.rows.add(v);
    }
    if (byId.isEmpty() && problems.isEmpty()) problems.add(new CsvFormatException.Problem(0, "no data rows after the header"));
    if (!problems.isEmpty()) throw new CsvFormatException(name, problems);

    List<Series> all = new ArrayList<>(byId.values());
    Series first = all.get(0);
    int points = first.rows.size();
    if (points < 2) {
      throw new CsvFormatException(name, List.of(new CsvFormatException.Problem(first.firstLine,
          "trajectory " + first.id + " has a single point; at least two are needed to know dt")));
    }
    double dt = first.rows.get(1)[0] - first.rows.get(0)[0];
    if (!(dt > 0)) {
      problems.add(new CsvFormatException.Problem(first.lines.get(1), "time does not increase (dt = " + dt + ")"));
      throw new CsvFormatException(name, problems);
    }
    for (Series s : all) {
      if (s.rows.size() != points) {
        problems.add(new CsvFormatException.Problem(s.firstLine, "trajectory " + s.id + " has " + s.rows.size()
            + " points, trajectory " + first.id + " has " + points + " (lines " + s.firstLine + "–"
            + s.lines.get(s.lines.size() - 1) + "); missing or extra rows?"));
        continue;
      }
      double t0 = s.rows.get(0)[0];
      for (int p = 1; p < points; p++) {
        double t = s.rows.get(p)[0], want = t0 + p * dt;
        if (Math.abs(t - want) > DT_TOLERANCE * Math.max(1.0, Math.abs(want))) {
          problems.add(new CsvFormatException.Problem(s.lines.get(p), "irregular time in trajectory " + s.id + ": t = "
              + t + ", expected " + want + " (dt = " + dt + " from lines " + first.lines.get(0) + "–" + first.lines.get(1) + ")"));
          break;
        }
      }
    }
    if (!problems.isEmpty()) throw new CsvFormatException(name, problems);

    int count = all.size(), dim = 2 * dof;
    double[] states = new double[points * dim * count];
    for (int b = 0; b < count; b++) {
      List<double[]> rows = all.get(b).rows;
      for (int p = 0; p < points; p++) {
        for (int k = 0; k < dim; k++) states[(p * dim + k) * count + b] = rows.get(p)[k + 1];
      }
    }
    return new Trajectories(dof, count, points, dt, states, null);
  }

  /** The observed states as a Table: trajectory, t, q.., p.. (one row per observation). */
  public static Table table(Trajectories t, String name) {
    int rows = t.count() * t.points(), dim = t.dim();
    int[] id = new int[rows];
    double[] time = new double[rows];
    double[][] comp = new double[dim][rows];
    int i = 0;
    for (int b = 0; b < t.count(); b++) {
      for (int s = 0; s < t.points(); s++, i++) {
        id[i] = b;
        time[i] = s * t.dt();
        for (int k = 0; k < dim; k++) comp[k][i] = t.states()[t.index(s, k, b)];
      }
    }
    List<String> h = header(t.dof());
    Table table = Table.create(name, IntColumn.create(h.get(0), id), DoubleColumn.create(h.get(1), time));
    for (int k = 0; k < dim; k++) table.addColumns(DoubleColumn.create(h.get(k + 2), comp[k]));
    return table;
  }

  private static String[] split(String line) {
    return line.split(",", -1);
  }

  private static final class Series {
    final long id;
    final int firstLine;
    final List<Integer> lines = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();

    Series(long id, int firstLine) {
      this.id = id;
      this.firstLine = firstLine;
    }
  }
}

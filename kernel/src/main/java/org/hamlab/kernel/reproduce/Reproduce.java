package org.hamlab.kernel.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./hamlab reproduce}: executes every notebook of {@code notebooks/} headless, in file-name
 * order, each in a fresh session, and writes to the output directory the executed notebooks
 * ({@code notebooks/}), an HTML rendering of each ({@code html/}), the figures as PNG and offline
 * HTML ({@code figures/}), the tables as CSV and Markdown ({@code tables/}), provenance JSON
 * ({@code provenance/}), {@code timings.csv} and {@code SUMMARY.md}.
 *
 * <p>Runners: {@code inprocess} evaluates the cells with JShell in this JVM
 * ({@link InProcessRunner}); {@code nbclient} drives the Jupyter kernel {@code hamlab} through
 * Python's nbclient (the kernelspec must be on {@code JUPYTER_PATH}) and renders HTML with
 * nbconvert. Progress goes to standard error, one line per cell. The first failing cell stops the
 * run with exit status 1, naming the notebook and the cell; its partial notebook is kept.
 */
public final class Reproduce {
  private static final JsonMapper JSON = new JsonMapper();

  /** Options of one run. */
  record Options(Path notebooks, Path out, String scale, String runner, int timeout, List<String> only) {}

  /** One executed notebook. */
  record Result(String name, String title, double seconds, int cells, String observation, Artifacts.Extracted files) {}

  private final Options options;
  private final PrintStream log;

  Reproduce(Options options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  public static void main(String[] args) {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("reproduce: " + e.getMessage());
      System.err.println("usage: Reproduce --notebooks DIR [--out DIR] [--scale paper|quick] "
          + "[--runner inprocess|nbclient] [--timeout SECONDS] [NOTEBOOK...]");
      System.exit(2);
      return;
    }
    System.setProperty("hamlab.scale", o.scale());
    int status = new Reproduce(o, System.err).run();
    System.out.flush();
    System.exit(status);
  }

  static Options parse(String[] args) {
    Path nbs = null, out = Path.of("results");
    String scale = "paper", runner = "inprocess";
    int timeout = 7200;
    List<String> only = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--notebooks" -> nbs = Path.of(value(args, ++i, a));
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--scale" -> scale = value(args, ++i, a);
        case "--runner" -> runner = value(args, ++i, a);
        case "--timeout" -> timeout = Integer.parseInt(value(args, ++i, a));
        default -> {
          if (a.startsWith("--")) throw new IllegalArgumentException("unknown option " + a);
          only.add(a.replaceFirst("\\.ipynb$", ""));
        }
      }
    }
    if (nbs == null || !Files.isDirectory(nbs)) throw new IllegalArgumentException("--notebooks DIR is required: " + nbs);
    if (!List.of("paper", "quick").contains(scale)) throw new IllegalArgumentException("--scale must be paper or quick, got " + scale);
    if (!List.of("inprocess", "nbclient").contains(runner)) {
      throw new IllegalArgumentException("--runner must be inprocess or nbclient, got " + runner);
    }
    return new Options(nbs, out, scale, runner, timeout, only);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  /** Runs every notebook; returns the exit status. */
  int run() {
    List<Path> files;
    try (Stream<Path> s = Files.list(options.notebooks())) {
      files = s.filter(p -> p.toString().endsWith(".ipynb")).sorted()
          .filter(p -> options.only().isEmpty() || options.only().contains(stem(p))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      log.println("reproduce: no notebooks to run in " + options.notebooks());
      return 1;
    }
    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    List<Result> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      log.printf(Locale.ROOT, "reproduce: [%d/%d] %s (%s scale, %s)%n", i + 1, files.size(), stem(f), options.scale(),
          options.runner());
      try {
        results.add(runOne(f));
      } catch (CellFailure e) {
        log.println("reproduce: FAILED: notebook " + stem(f) + ", code cell " + e.cell + ": " + e.getMessage());
        summary(results, started, (System.nanoTime() - t0) / 1e9, stem(f) + " code cell " + e.cell + ": " + e.getMessage());
        return 1;
      }
    }
    double total = (System.nanoTime() - t0) / 1e9;
    summary(results, started, total, null);
    log.printf(Locale.ROOT, "reproduce: %d notebooks in %.1f s; results in %s (SUMMARY.md)%n", results.size(), total,
        options.out().toAbsolutePath());
    return 0;
  }

  /** A cell failed: {@code cell} is its 1-based index among the code cells. */
  static final class CellFailure extends RuntimeException {
    final int cell;

    CellFailure(int cell, String message) {
      super(message);
      this.cell = cell;
    }
  }

  private Result runOne(Path file) {
    String name = stem(file);
    ObjectNode nb;
    try {
      nb = (ObjectNode) JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new CellFailure(0, "cannot read " + file + ": " + e.getMessage());
    }
    Path outNb = options.out().resolve("notebooks").resolve(name + ".ipynb");
    Path outHtml = options.out().resolve("html").resolve(name + ".html");
    long t0 = System.nanoTime();
    int cells;
    if (options.runner().equals("inprocess")) {
      cells = runInProcess(nb, name, outNb);
    } else {
      cells = runNbclient(file, outNb, outHtml);
      try {
        nb = (ObjectNode) JSON.readTree(outNb.toFile());
      } catch (IOException e) {
        throw new CellFailure(0, "cannot read the executed notebook " + outNb + ": " + e.getMessage());
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!Files.isRegularFile(outHtml)) {
      Artifacts.write(outHtml, Artifacts.notebookPage(nb, name).getBytes(StandardCharsets.UTF_8));
    }
    Artifacts.Extracted files = Artifacts.extract(nb, name, options.out());
    log.printf(Locale.ROOT, "reproduce:   %s done in %.1f s: %d figure files, %d table files, %d provenance files%n", name,
        seconds, files.figures().size(), files.tables().size(), files.provenance().size());
    return new Result(name, title(nb, name), seconds, cells, observation(nb), files);
  }

  private int runInProcess(ObjectNode nb, String name, Path outNb) {
    List<ObjectNode> code = new ArrayList<>();
    for (JsonNode c : nb.withArray("cells")) if (c.path("cell_type").asText().equals("code")) code.add((ObjectNode) c);
    try (InProcessRunner runner = new InProcessRunner()) {
      for (int i = 0; i < code.size(); i++) {
        ObjectNode cell = code.get(i);
        long t = System.nanoTime();
        log.printf(Locale.ROOT, "reproduce:   cell %d/%d ...%n", i + 1, code.size());
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        ArrayNode outputs = runner.run(Artifacts.text(cell.path("source")), status);
        cell.set("outputs", outputs);
        cell.put("execution_count", runner.executionCount());
        log.printf(Locale.ROOT, "reproduce:   cell %d/%d %.1f s%n", i + 1, code.size(), (System.nanoTime() - t) / 1e9);
        if (status.has("failed")) {
          writeNotebook(nb, outNb);
          throw new CellFailure(i + 1, status.get("failed").asText() + " (partial notebook: " + outNb + ")");
        }
      }
    }
    writeNotebook(nb, outNb);
    return code.size();
  }

  private int runNbclient(Path file, Path outNb, Path outHtml) {
    try {
      Path script = Files.createTempFile("hamlab-nbclient", ".py");
      try (InputStream in = Reproduce.class.getResourceAsStream("nbclient_runner.py")) {
        if (in == null) throw new IllegalStateException("nbclient_runner.py is missing from the kernel jar; rebuild");
        Files.write(script, in.readAllBytes());
      }
      Files.createDirectories(outNb.toAbsolutePath().getParent());
      Files.createDirectories(outHtml.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(System.getProperty("hamlab.python", "/usr/bin/python3"), script.toString(),
          file.toString(), outNb.toString(), outHtml.toString(), Integer.toString(options.timeout()))
          .redirectErrorStream(true);
      pb.environment().put("HAMLAB_SCALE", options.scale());
      Process p = pb.start();
      int cells = 0, failedCell = 0;
      String failure = null;
      StringBuilder tail = new StringBuilder();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] w = line.split(" ", 3);
          if (line.startsWith("CELL-START ")) {
            cells = Integer.parseInt(w[2]);
            log.printf(Locale.ROOT, "reproduce:   cell %s/%s ...%n", w[1], w[2]);
          } else if (line.startsWith("CELL-END ")) {
            log.printf(Locale.ROOT, "reproduce:   cell %s/%d %s s%n", w[1], cells, w[2]);
          } else if (line.startsWith("CELL-FAILED ")) {
            failedCell = Integer.parseInt(w[1]);
            failure = w.length > 2 ? w[2] : "error";
          } else {
            tail.append(line).append('\n');
            if (tail.length() > 4000) tail.delete(0, tail.length() - 4000);
          }
        }
      }
      int rc = p.waitFor();
      Files.deleteIfExists(script);
      if (rc != 0) {
        throw new CellFailure(failedCell, (failure != null ? failure : "nbclient exited with status " + rc) + "\n" + tail);
      }
      return cells;
    } catch (IOException e) {
      throw new CellFailure(0, "could not run nbclient: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CellFailure(0, "interrupted");
    }
  }

  private static void writeNotebook(JsonNode nb, Path path) {
    Artifacts.write(path, (Artifacts.pretty(nb) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String title(JsonNode nb, String fallback) {
    for (JsonNode c : nb.path("cells")) {
      if (!c.path("cell_type").asText().equals("markdown")) continue;
      for (String line : Artifacts.text(c.path("source")).split("\n")) {
        if (line.startsWith("# ")) return line.substring(2).strip();
      }
    }
    return fallback;
  }

  /** The printed output of the last code cell: the notebook's measured observation. */
  private static String observation(JsonNode nb) {
    String last = "";
    for (JsonNode c : nb.path("cells")) {
      if (!c.path("cell_type").asText().equals("code")) continue;
      StringBuilder b = new StringBuilder();
      for (JsonNode o : c.path("outputs")) {
        if (o.path("output_type").asText().equals("stream") && o.path("name").asText().equals("stdout")) {
          b.append(Artifacts.text(o.path("text")));
        }
      }
      last = b.toString();
    }
    return last.strip();
  }

  private void summary(List<Result> results, OffsetDateTime started, double total, String failure) {
    StringBuilder b = new StringBuilder("# hamlab: the paper, reproduced\n\n");
    b.append(String.format(Locale.ROOT, "Run started %s, scale **%s**, runner **%s**, %d notebook(s) in %.1f s "
        + "(wall time on a shared 2-core machine).%n%n", started, options.scale(), options.runner(), results.size(), total));
    if (failure != null) b.append("**FAILED:** ").append(failure).append("\n\n");
    b.append("Each notebook states what the paper shows (paper.md §9), the configuration, and what we measured; "
        + "the tables below are the notebooks' own output, our numbers beside the authors' where the notebook has "
        + "them. Figures: `figures/`, tables: `tables/`, executed notebooks: `notebooks/`, HTML: `html/`.\n\n");
    b.append("| notebook | title | wall time (s) | code cells | figures | tables |\n|---|---|---|---|---|---|\n");
    StringBuilder csv = new StringBuilder("notebook,seconds,cells\n");
    for (Result r : results) {
      b.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %d | %d | %d |%n", r.name(), r.title().replace("|", "/"),
          r.seconds(), r.cells(), r.files().figures().stream().filter(p -> p.toString().endsWith(".png")).count(),
          r.files().markdownTables().size()));
      csv.append(String.format(Locale.ROOT, "%s,%.2f,%d%n", r.name(), r.seconds(), r.cells()));
    }
    for (Result r : results) {
      b.append("\n## ").append(r.name()).append(": ").append(r.title()).append("\n\n");
      if (!r.observation().isEmpty()) b.append("Observed (printed by the notebook's last cell):\n\n```\n")
          .append(r.observation()).append("\n```\n\n");
      for (String m : r.files().markdownTables()) b.append(m).append('\n');
    }
    Artifacts.write(options.out().resolve("SUMMARY.md"), b.toString().getBytes(StandardCharsets.UTF_8));
    Artifacts.write(options.out().resolve("timings.csv"), csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String stem(Path p) {
    return p.getFileName().toString().replaceFirst("\\.ipynb$", "");
  }
}

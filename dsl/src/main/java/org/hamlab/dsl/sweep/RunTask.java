package org.hamlab.dsl.sweep;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hamlab.dsl.Data;
import org.hamlab.dsl.ErrorEstimate;
import org.hamlab.dsl.Hamlab;
import org.hamlab.dsl.Model;
import org.hamlab.dsl.RunOptions;
import org.hamlab.dsl.TestPoints;
import tech.tablesaw.api.Table;

/**
 * Executes one {@link RunSpec}: builds the data and the model from the spec's options, trains,
 * and measures the Hamiltonian error on the spec's test set. It never throws: a run that throws
 * becomes a "failed" result with the error, one that diverges a "diverged" result with the last
 * good model (distributed.md §2.9), so one bad configuration never stops a sweep.
 *
 * <p>This is the only code that runs a sweep's runs, in-process and on Spark executors alike
 * ({@link #run(String)} maps spec JSON to result JSON), so results are bitwise the same wherever
 * they ran: training is deterministic whatever the thread count (DEVELOPERS.md).
 */
public final class RunTask {
  /** Data shared by runs with the same data options in this JVM (generated once, read-only). */
  private static final Map<String, Data> DATA = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Data> e) {
      return size() > 4;
    }
  };

  private RunTask() {}

  /** Spec JSON in, result JSON out (the form executors use). */
  public static String run(String specJson) {
    return execute(RunSpec.fromJson(specJson)).json();
  }

  /** Runs {@code spec} in this JVM; the result holds the live model. */
  public static RunResult execute(RunSpec spec) {
    long t0 = System.nanoTime();
    Model model = null;
    try {
      model = RunOptions.train(data(spec.options()), spec.options()).run();
      String stop = model.stop();
      String status = stop.equals("finished") ? "ok"
          : stop.startsWith("cancelled") || stop.startsWith("interrupted") ? "cancelled" : "diverged";
      Table h = model.history();
      double loss = h.rowCount() == 0 ? Double.NaN : h.doubleColumn("loss").get(h.rowCount() - 1);
      double err = Double.NaN, sem = Double.NaN;
      if (model.system() != null && !status.equals("cancelled")) {
        ErrorEstimate e = Hamlab.hamiltonianError(model, model.system(), testPoints(spec.test()));
        err = e.mean();
        sem = e.sem();
      }
      return new RunResult(spec, status, status.equals("ok") ? "" : stop, loss, h.rowCount(), err, sem, seconds(t0),
          host(), ProcessHandle.current().pid(), java(), sha256(model),
          RunOptions.modelJson(model), model);
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError vm && !(e instanceof OutOfMemoryError)) throw vm;
      String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
      return new RunResult(spec, Thread.currentThread().isInterrupted() ? "cancelled" : "failed", msg, Double.NaN, 0,
          Double.NaN, Double.NaN, seconds(t0), host(), ProcessHandle.current().pid(), java(),
          "", "", null);
    }
  }

  private static Data data(Map<String, Object> options) {
    String key = RunOptions.dataPart(options).toString();
    synchronized (DATA) {
      return DATA.computeIfAbsent(key, k -> RunOptions.data(options));
    }
  }

  /** "grid:30", "uniform:100000" or "gaussian:100000". */
  static TestPoints testPoints(String test) {
    String[] p = test.split(":");
    int n = Integer.parseInt(p[1]);
    return switch (p[0]) {
      case "grid" -> Hamlab.grid(n);
      case "uniform" -> Hamlab.uniform(n);
      case "gaussian" -> Hamlab.gaussian(n);
      default -> throw new IllegalArgumentException("unknown test set '" + test + "'; use grid:30, uniform:N or gaussian:N");
    };
  }

  /** SHA-256 of the parameters' IEEE bits: equal only for bitwise-equal models. */
  static String sha256(Model m) {
    double[] p = RunOptions.parameters(m);
    ByteBuffer b = ByteBuffer.allocate(8 * p.length);
    for (double v : p) b.putLong(Double.doubleToRawLongBits(v));
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JVM's version and home, e.g. "25.0.3 /usr/lib/jvm/temurin-25-jdk-amd64". */
  static String java() {
    return System.getProperty("java.version") + " " + System.getProperty("java.home");
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

package org.hamlab.dsl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hamlab.engine.nn.Mlp;
import org.hamlab.engine.nn.MlpJson;

/**
 * A training run as a flat map of named options, for sweeps ({@code org.hamlab.dsl.sweep}) and
 * the Spark runner: every {@link TrainConfig} and {@link DataConfig} field under the name of the
 * DSL method that sets it, so that {@code model(options(m))} trains bitwise the same model as
 * {@code m}. Values are JSON-friendly: String, Integer, Long, Double, and {@code List<Integer>}
 * for the widths.
 *
 * <p>Names: data {@code system count points dt noise box dataSeed dataIntegrator}, training
 * {@code widths activation integrator gradient epochs batch learningRate window seed precision};
 * aliases {@code lr} and {@code hidden}. Data read from a file is recorded as {@code dataFile} and
 * {@code dataHash} (the file must be readable where the run executes).
 */
public final class RunOptions {
  /** Every option name, in the order tables show them. */
  public static final List<String> NAMES = List.of("system", "count", "points", "dt", "noise", "box", "dataSeed",
      "dataIntegrator", "widths", "activation", "integrator", "gradient", "epochs", "batch", "learningRate",
      "window", "seed", "precision");
  private static final Map<String, String> ALIASES = Map.of("lr", "learningRate", "hidden", "widths",
      "learning-rate", "learningRate", "data-seed", "dataSeed", "width", "widths");
  private static final JsonMapper JSON = new JsonMapper();

  private RunOptions() {}

  /** The option name for {@code name} (an alias such as "lr" gives "learningRate"); unknown names fail. */
  public static String canonical(String name) {
    String n = ALIASES.getOrDefault(name, name);
    if (!NAMES.contains(n)) {
      throw new IllegalArgumentException("unknown training option '" + name + "'; known: " + String.join(", ", NAMES)
          + " (aliases: lr, hidden)");
    }
    return n;
  }

  /** Every option of {@code model}'s training, sorted by name. */
  public static Map<String, Object> of(Model model) {
    TrainConfig c = model.config();
    DataConfig d = c.data;
    if (model.data() == null) {
      throw new IllegalArgumentException("this model was loaded from a file; sweep over retrain(provenance(model)) instead");
    }
    Map<String, Object> m = new TreeMap<>();
    switch (d.source) {
      case "generated" -> {
        m.put("system", d.system);
        m.put("count", d.count);
        m.put("points", d.points);
        m.put("dt", d.dt);
        m.put("noise", d.noise);
        m.put("box", d.box);
        m.put("dataSeed", d.seed);
        m.put("dataIntegrator", d.integrator);
      }
      case "file" -> {
        m.put("system", d.system);
        m.put("dataFile", d.file);
        m.put("dataHash", d.fileHash);
      }
      default -> throw new IllegalArgumentException("this model trains on data held in memory only, which a sweep "
          + "cannot recreate for each run; generate it (system(...).trajectories(n)) or read it from a CSV file");
    }
    m.put("widths", Arrays.stream(c.widths).boxed().toList());
    m.put("activation", c.activation);
    m.put("integrator", c.integrator);
    m.put("gradient", c.gradient);
    m.put("epochs", c.epochs);
    m.put("batch", c.batch);
    m.put("learningRate", c.learningRate);
    m.put("window", c.window);
    m.put("seed", c.seed);
    m.put("precision", c.precision);
    return m;
  }

  /**
   * The untrained model these options describe, built through the DSL's own checks (a bad value
   * fails with the message its method gives). Options left out keep the paper's defaults.
   */
  public static Model model(Map<String, ?> options) {
    return train(data(options), options);
  }

  /** The data part of {@code options} alone (runs that share it can share one {@link Data}). */
  public static Map<String, Object> dataPart(Map<String, ?> options) {
    Map<String, Object> m = new TreeMap<>();
    for (String k : List.of("system", "count", "points", "dt", "noise", "box", "dataSeed", "dataIntegrator", "dataFile",
        "dataHash")) {
      if (options.containsKey(k)) m.put(k, options.get(k));
    }
    return m;
  }

  /** The (lazily generated) data {@code options} describe. */
  public static Data data(Map<String, ?> options) {
    Object sys = options.get("system");
    if (options.containsKey("dataFile")) {
      String file = (String) options.get("dataFile");
      Data d = Hamlab.loadData(file, sys == null || sys.toString().isEmpty() ? null : HamiltonianSystem.of(sys.toString()));
      Object hash = options.get("dataHash");
      if (hash != null && !d.config().fileHash.equals(hash)) {
        throw new IllegalStateException(file + " differs from the file the sweep was planned with (SHA-256)");
      }
      return d;
    }
    if (sys == null) throw new IllegalArgumentException("the run names no system; give option system, e.g. \"double-well\"");
    HamiltonianSystem s = HamiltonianSystem.of(sys.toString());
    Data d = s.trajectories(options.containsKey("count") ? integer(options, "count") : new DataConfig().count);
    if (options.containsKey("dt")) d = d.dt(number(options, "dt"));
    if (options.containsKey("points")) d = d.points(integer(options, "points"));
    if (options.containsKey("noise")) d = d.noise(number(options, "noise"));
    if (options.containsKey("box")) d = d.box(number(options, "box"));
    if (options.containsKey("dataSeed")) d = d.seed(number(options, "dataSeed").longValue());
    if (options.containsKey("dataIntegrator")) {
      String integ = options.get("dataIntegrator").toString();
      EngineBridge.integrator(integ);
      DataConfig c = d.config().copy();
      c.integrator = integ;
      d = Data.generated(c, s);
    }
    return d;
  }

  /** The model {@code options} describe, trained on {@code data} (which must match the data options). */
  public static Model train(Data data, Map<String, ?> options) {
    Model m = Hamlab.train(data);
    for (Map.Entry<String, ?> e : options.entrySet()) {
      Object v = e.getValue();
      m = switch (e.getKey()) {
        case "widths" -> m.widths(widths(v));
        case "activation" -> m.activation(v.toString());
        case "integrator" -> m.integrator(v.toString());
        case "gradient" -> m.gradient(v.toString());
        case "epochs" -> m.epochs(integer(options, "epochs"));
        case "batch" -> m.batch(integer(options, "batch"));
        case "learningRate" -> m.learningRate(number(options, "learningRate"));
        case "window" -> m.window(integer(options, "window"));
        case "seed" -> m.seed(number(options, "seed").longValue());
        case "precision" -> m.precision(v.toString());
        case "system", "count", "points", "dt", "noise", "box", "dataSeed", "dataIntegrator", "dataFile", "dataHash" -> m;
        default -> throw new IllegalArgumentException("unknown training option '" + e.getKey() + "'; known: "
            + String.join(", ", NAMES));
      };
    }
    return m;
  }

  /** The paper's box of initial states for {@code system} (paper.md §3.1: 2, Hénon–Heiles 0.3). */
  public static double defaultBox(String system) {
    return HamiltonianSystem.of(system).defaultBox();
  }

  /** Widths from an {@code int[]}, a list of numbers or a string "16-32-16". */
  public static int[] widths(Object v) {
    return switch (v) {
      case int[] a -> a.clone();
      case List<?> l -> l.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
      case String s -> Arrays.stream(s.split("[-, x]+")).mapToInt(Integer::parseInt).toArray();
      case Number n -> new int[] {n.intValue()};
      default -> throw new IllegalArgumentException("widths must be int[] or a list of ints, got " + v);
    };
  }

  private static Double number(Map<String, ?> o, String key) {
    Object v = o.get(key);
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("option " + key + " must be a number, got " + v);
  }

  private static int integer(Map<String, ?> o, String key) {
    double v = number(o, key);
    if (v != Math.rint(v)) throw new IllegalArgumentException("option " + key + " must be a whole number, got " + v);
    return (int) v;
  }

  /** The model file JSON ({@link MlpJson}, provenance included) of a trained model, as {@code model.save} writes it. */
  public static String modelJson(Model m) {
    if (!(m.hamiltonian() instanceof Mlp mlp)) {
      throw new IllegalStateException("only MLP models can be saved, this one is a " + m.hamiltonian().getClass().getSimpleName());
    }
    try {
      ObjectNode prov = JSON.createObjectNode();
      prov.put("system", m.system() == null ? "" : m.system().name());
      prov.set("hamlab", JSON.readTree(m.provenance().json()));
      return MlpJson.toJson(mlp, prov.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The network parameters of a trained model (a copy), e.g. to compare runs bitwise. */
  public static double[] parameters(Model m) {
    return m.hamiltonian() instanceof Mlp mlp ? mlp.parameters().clone() : new double[0];
  }

  /** Reads a model file written with {@link #modelJson} or {@code model.save}. */
  public static Model readModel(Path file) {
    if (!Files.isRegularFile(file)) throw new UncheckedIOException(new IOException("no model file " + file));
    return ModelFiles.read(file, null);
  }

  /** Labels for tables: the value as shown in a column ("16-32-16" for widths). */
  public static String label(Object v) {
    if (v instanceof int[] a) return String.join("-", Arrays.stream(a).mapToObj(Integer::toString).toList());
    if (v instanceof List<?> l) return String.join("-", l.stream().map(Object::toString).toList());
    return String.valueOf(v);
  }

  /**
   * A JSON-friendly copy of {@code v} for option {@code option}: whole-number options become
   * Integer, seeds Long, real options Double, widths {@code List<Integer>}, a system its name. So
   * {@code noise 0} and {@code noise 0.0} describe the same run.
   */
  public static Object normalize(String option, Object v) {
    String o = canonical(option);
    if (v == null) throw new IllegalArgumentException("option " + o + " cannot be null");
    return switch (o) {
      case "widths" -> Arrays.stream(widths(v)).boxed().toList();
      case "count", "points", "epochs", "batch", "window" -> {
        double d = toNumber(o, v);
        if (d != Math.rint(d)) throw new IllegalArgumentException("option " + o + " must be a whole number, got " + v);
        yield (int) d;
      }
      case "seed", "dataSeed" -> {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) yield n.longValue();
        throw new IllegalArgumentException("option " + o + " must be a whole number, got " + v);
      }
      case "dt", "noise", "box", "learningRate" -> toNumber(o, v);
      default -> v instanceof HamiltonianSystem s ? s.name() : v.toString();
    };
  }

  private static double toNumber(String option, Object v) {
    if (v instanceof Number n) return n.doubleValue();
    throw new IllegalArgumentException("option " + option + " must be a number, got " + v + " (" + v.getClass().getSimpleName() + ")");
  }
}

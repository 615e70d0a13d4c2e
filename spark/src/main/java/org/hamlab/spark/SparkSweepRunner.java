package org.hamlab.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.hamlab.dsl.sweep.RunResult;
import org.hamlab.dsl.sweep.RunSpec;
import org.hamlab.dsl.sweep.SweepRunner;

/**
 * Runs a sweep on Apache Spark 4.2 in client mode from this JVM: {@code local[N]}, {@code
 * local-cluster[W,C,M]} or {@code spark://host:port} (distributed.md §2, §9). Each run is one
 * single-task job whose data is the run's {@link RunSpec} JSON, mapped by {@link TrainTask}, so
 * results arrive (and are written) as runs finish, and an interrupt cancels the sweep's job group.
 *
 * <p>Settings (distributed.md §2.2–2.6): {@code spark.task.cpus} = engine threads per run, passed
 * to executors as {@code -Dhamlab.threads}; executors get {@code --add-modules=jdk.incubator.vector}
 * and this JVM's JDK ({@code spark.executorEnv.JAVA_HOME}) unless {@code javaHome} says otherwise;
 * the UI is off; local masters bind to 127.0.0.1 (export {@code SPARK_LOCAL_IP=127.0.0.1} too).
 * One {@link JavaSparkContext} is kept per JVM and reused while the master and settings stay the same.
 */
public final class SparkSweepRunner implements SweepRunner {
  private static JavaSparkContext context;
  private static String contextKey;
  private static final AtomicInteger SWEEPS = new AtomicInteger();

  @Override
  public boolean accepts(String master) {
    return master != null && (master.startsWith("local") || master.startsWith("spark://") || master.startsWith("yarn")
        || master.startsWith("k8s://"));
  }

  @Override
  public void run(List<RunSpec> specs, Settings settings, Listener listener) throws InterruptedException {
    if (specs.isEmpty()) return;
    JavaSparkContext sc = context(settings);
    String group = "hamlab-sweep-" + SWEEPS.incrementAndGet();
    Map<String, RunSpec> byId = new ConcurrentHashMap<>();
    specs.forEach(s -> byId.put(s.id(), s));
    Map<Integer, RunSpec> byStage = new ConcurrentHashMap<>();
    SparkListener starts = new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart e) {
        Properties p = e.properties();
        String d = p == null ? null : p.getProperty("spark.job.description");
        RunSpec s = d == null ? null : byId.get(d);
        if (s != null) scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds()).forEach(id -> byStage.put((Integer) id, s));
      }

      @Override
      public void onTaskStart(SparkListenerTaskStart e) {
        RunSpec s = byStage.get(e.stageId());
        if (s != null) listener.started(s);
      }
    };
    sc.sc().addSparkListener(starts);
    ConcurrentLinkedQueue<RunSpec> queue = new ConcurrentLinkedQueue<>(specs);
    CountDownLatch done = new CountDownLatch(specs.size());
    int submitters = Math.min(specs.size(), 64);
    ExecutorService pool = Executors.newFixedThreadPool(submitters, r -> {
      Thread t = new Thread(r, group + "-submit");
      t.setDaemon(true);
      t.setContextClassLoader(SparkSweepRunner.class.getClassLoader());
      return t;
    });
    AtomicReference<String> fatal = new AtomicReference<>();
    try {
      for (int i = 0; i < submitters; i++) {
        pool.execute(() -> {
          sc.setJobGroup(group, "hamlab sweep", true);
          for (RunSpec s; fatal.get() == null && (s = queue.poll()) != null; ) {
            sc.setJobDescription(s.id());
            RunResult r;
            try {
              if (Thread.currentThread().isInterrupted()) return;
              String out = sc.parallelize(List.of(s.json()), 1).map(new TrainTask()).collect().get(0);
              r = RunResult.fromJson(out);
              r = new RunResult(s, r.status(), r.error(), r.finalLoss(), r.epochsRun(), r.hError(), r.hErrorSem(),
                  r.seconds(), r.host(), r.pid(), r.java(), r.modelSha256(), r.modelJson(), null);
            } catch (Throwable e) {
              if (Thread.currentThread().isInterrupted()) return;
              // failures that every run would share stop the sweep with one clear error
              String why = ExecutorJdk.tooOld(String.valueOf(e.getMessage()), settings.javaHome());
              if (why == null && sc.sc().isStopped()) {
                why = "the Spark context on " + settings.master() + " stopped during the sweep (" + e.getMessage()
                    + "); a standalone master removes an application whose executors keep failing to start: check "
                    + "the workers' logs, and that .javaHome(...) names a JDK " + ExecutorJdk.MINIMUM
                    + " or newer on every worker";
              }
              if (why != null) {
                fatal.compareAndSet(null, why);
                return;
              }
              r = new RunResult(s, "failed", "Spark: " + e.getMessage(), Double.NaN, 0, Double.NaN, Double.NaN, 0, "",
                  0, "", "", "", null);
            }
            try {
              listener.finished(r);
            } finally {
              done.countDown();
            }
          }
        });
      }
      while (!done.await(200, TimeUnit.MILLISECONDS)) {
        if (fatal.get() != null) {
          if (!sc.sc().isStopped()) sc.cancelJobGroup(group);
          throw new IllegalStateException(fatal.get());
        }
      }
    } catch (InterruptedException e) {
      if (!sc.sc().isStopped()) sc.cancelJobGroup(group);
      throw e;
    } finally {
      pool.shutdownNow();
      sc.sc().removeSparkListener(starts);
    }
  }

  private static synchronized JavaSparkContext context(Settings s) {
    SparkConf conf = conf(s);
    Map<String, String> all = new TreeMap<>();
    for (scala.Tuple2<String, String> t : conf.getAll()) all.put(t._1(), t._2());
    String key = all.toString();
    if (context != null && key.equals(contextKey) && !context.sc().isStopped()) return context;
    if (context != null) context.stop();
    // Spark finds its classes and ours through the context loader: the module's own when the DSL
    // loaded it beside a notebook's class path
    Thread me = Thread.currentThread();
    ClassLoader before = me.getContextClassLoader();
    me.setContextClassLoader(SparkSweepRunner.class.getClassLoader());
    try {
      context = new JavaSparkContext(conf);
    } finally {
      me.setContextClassLoader(before);
    }
    context.setLogLevel(System.getProperty("hamlab.spark.log", "WARN"));
    contextKey = key;
    return context;
  }

  /** Stops this JVM's Spark context, if any (also done at exit). */
  public static synchronized void stop() {
    if (context != null) context.stop();
    context = null;
    contextKey = null;
  }

  /** Spark's own log: WARN and ERROR lines (executor lost, task failures) without its INFO chatter. */
  static final String LOG_CONFIG = "org/hamlab/spark/log4j2-hamlab.properties";

  static {
    if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(SparkSweepRunner::stop, "hamlab-spark-stop"));
  }

  static SparkConf conf(Settings s) {
    String master = s.master();
    boolean local = master.startsWith("local");
    SparkConf c = new SparkConf().setMaster(master).setAppName("hamlab-sweep")
        .set("spark.ui.enabled", "false")
        .set("spark.task.cpus", Integer.toString(s.threadsPerRun()))
        .set("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED "
            + "--sun-misc-unsafe-memory-access=allow -Dhamlab.threads=" + s.threadsPerRun() + " -Dhamlab.progress=quiet")
        .set("spark.executorEnv.JAVA_HOME", s.javaHome() != null ? s.javaHome() : System.getProperty("java.home"))
        .set("spark.executorEnv.SPARK_SCALA_VERSION", "2.13");
    boolean loopback = master.contains("//127.0.0.1") || master.contains("//localhost");
    if (local || loopback) {
      c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    }
    ExecutorJdk.check(master, s.javaHome());
    if (master.startsWith("local-cluster")) SparkHome.requireEnv(master);
    if (!master.matches("local(\\[.*])?")) {
      Path home = SparkHome.resolve();
      c.set("spark.home", home.toString());
      boolean remote = !master.startsWith("local") && !loopback;
      c.set("spark.jars", String.join(",", SparkHome.shippedJars(home, remote)));
    }
    if (s.executorMemory() != null) c.set("spark.executor.memory", s.executorMemory());
    s.conf().forEach(c::set);
    return c;
  }
}

// Run by .ci/it/spark.sh through `./hamlab run`, as a user would: a JVM with only the DSL's class path, so
// .on(master) loads the Spark module beside it (SparkModule). An 8-run sweep on $HAMLAB_IT_MASTER must equal the
// in-process one bitwise; with $HAMLAB_IT_JDK17 set, a sweep whose executors run that JDK must stop with a clear
// error naming it, well within $HAMLAB_IT_LIMIT seconds.
import org.hamlab.dsl.sweep.*;
quiet();
String master = System.getenv("HAMLAB_IT_MASTER");
var s = sweep(train(system("double-well").trajectories(64)).epochs(2).batch(32).widths(6, 6)).over("lr", 3e-3, 1e-2).seeds(4);
var here = s.run();
long t0 = System.nanoTime();
var there = s.on(master).run();
double secs = (System.nanoTime() - t0) / 1e9;
long me = ProcessHandle.current().pid();
for (int i = 0; i < 8; i++) {
  RunResult a = here.result(i), b = there.result(i);
  if (!b.ok()) throw new AssertionError("run " + i + " on " + master + ": " + b.status() + " " + b.error());
  if (!master.startsWith("local[") && b.pid() == me) throw new AssertionError("run " + i + " ran in the driver JVM");
  if (!a.modelSha256().equals(b.modelSha256())) {
    throw new AssertionError("run " + i + " differs: in-process " + a.modelSha256() + ", " + master + " " + b.modelSha256());
  }
}
var loader = SweepRunner.find(master).getClass().getClassLoader();
if (!String.valueOf(loader).startsWith("ModuleClassLoader")) {
  throw new AssertionError("the Spark runner did not come through the module's own loader: " + loader);
}
System.out.printf("%s: 8 runs bitwise equal to in-process through %s, executor pids %s, java %s, %.1f s%n", master,
    loader, there.results().stream().map(RunResult::pid).distinct().toList(), there.result(0).java(), secs);
String jdk17 = System.getenv("HAMLAB_IT_JDK17");
if (jdk17 != null && !jdk17.isEmpty()) {
  long t1 = System.nanoTime();
  String msg = null;
  try {
    s.on(master).javaHome(jdk17).run();
  } catch (IllegalStateException e) {
    msg = e.getMessage();
  }
  double waited = (System.nanoTime() - t1) / 1e9;
  if (msg == null) throw new AssertionError("a sweep on executors with " + jdk17 + " did not fail");
  if (!msg.contains(jdk17) || !msg.contains("25.0.3")) throw new AssertionError("the error does not name the JDK and the fix: " + msg);
  if (waited > Double.parseDouble(System.getenv().getOrDefault("HAMLAB_IT_LIMIT", "120"))) {
    throw new AssertionError("the JDK 17 error took " + waited + " s");
  }
  System.out.printf("javaHome %s refused after %.1f s: %s%n", jdk17, waited, msg);
}

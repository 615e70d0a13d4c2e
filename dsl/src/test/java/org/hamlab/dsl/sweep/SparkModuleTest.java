package org.hamlab.dsl.sweep;

import static org.hamlab.dsl.Hamlab.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.hamlab.fixture.Which;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional module's class-loader path ({@link SparkModule}, {@link ModuleClassLoader}) with a
 * stand-in module built here: a {@link SweepRunner} provider and its own version of a class the
 * caller has too. The real Spark module through it: .ci/it/spark.sh and the notebooks IT.
 */
class SparkModuleTest {
  @TempDir
  Path tmp;

  @BeforeAll
  static void quietTraining() {
    quiet();
  }

  @AfterEach
  void clear() {
    System.clearProperty(SparkModule.PROPERTY);
  }

  /** A module build folder: classes/ (a runner for "fake://" masters) and classpath.txt naming lib/. */
  private Path fakeModule() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path target = tmp.resolve("target");
    Path classes = Files.createDirectories(target.resolve("classes"));
    Path lib = Files.createDirectories(target.resolve("lib"));
    Path which = Files.createDirectories(src.resolve("org/hamlab/fixture")).resolve("Which.java");
    Files.writeString(which, """
        package org.hamlab.fixture;
        public final class Which { public static String copy() { return "module"; } }
        """);
    Path runner = Files.createDirectories(src.resolve("fake")).resolve("FakeRunner.java");
    Files.writeString(runner, """
        package fake;
        import java.util.List;
        import org.hamlab.dsl.sweep.*;
        public final class FakeRunner implements SweepRunner {
          public boolean accepts(String master) { return master.startsWith("fake://"); }
          public void run(List<RunSpec> specs, Settings s, Listener l) {
            for (RunSpec spec : specs) {
              l.started(spec);
              // host: which copy of Which the module sees; java: the loader of a Jackson class it uses
              l.finished(new RunResult(spec, "ok", "", 1.0, 1, 0.5, 0.1, 0.0, org.hamlab.fixture.Which.copy(), 7L,
                  String.valueOf(com.fasterxml.jackson.core.JsonFactory.class.getClassLoader()), "", "", null));
            }
          }
        }
        """);
    String cp = System.getProperty("java.class.path");
    var javac = ToolProvider.getSystemJavaCompiler();
    assertEquals(0, javac.run(null, null, null, "-d", lib.toString(), which.toString()));
    assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, runner.toString()));
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(services.resolve(SweepRunner.class.getName()), "fake.FakeRunner\n");
    // the module's own Jackson (here: the caller's jar, loaded again child-first)
    String jackson = List.of(cp.split(File.pathSeparator)).stream().filter(e -> e.contains("jackson-core")).findFirst()
        .orElseThrow();
    Files.writeString(target.resolve("classpath.txt"), lib + File.pathSeparator + jackson);
    return target;
  }

  @Test
  void runsTheModulesRunnerWithSharedDslTypesAndItsOwnCopiesOfTheRest() throws Exception {
    System.setProperty(SparkModule.PROPERTY, fakeModule().toString());
    assertTrue(SweepRunner.available("fake://x"));
    SweepRunner r = SweepRunner.find("fake://x");
    assertInstanceOf(ModuleClassLoader.class, r.getClass().getClassLoader());
    var result = sweep(SweepTest.tiny()).seeds(3).on("fake://x").run();
    assertEquals(3, result.results().size());
    for (RunResult x : result.results()) {
      assertTrue(x.ok());
      assertEquals("module", x.host(), "the module's own copy of a class the caller also has");
      assertTrue(x.java().contains("hamlab-spark"), "Jackson came from the module's loader: " + x.java());
    }
    assertEquals("parent", Which.copy(), "the caller keeps its own");
    assertSame(r.getClass().getClassLoader(), SweepRunner.find("fake://y").getClass().getClassLoader(),
        "one loader per module location");
  }

  @Test
  void anUnbuiltModuleNamesTheBuildCommand() {
    System.setProperty(SparkModule.PROPERTY, tmp.resolve("spark/target").toString());
    assertFalse(SweepRunner.available("local[2]"));
    var s = sweep(SweepTest.tiny()).seeds(1).on("local[2]");
    IllegalStateException e = assertThrows(IllegalStateException.class, s::run);
    assertTrue(e.getMessage().contains("./hamlab build --spark"), e.getMessage());
    assertTrue(e.getMessage().contains(tmp.resolve("spark/target").toString()), e.getMessage());
  }

  @Test
  void aFolderWithoutTheModuleNamesTheBuildCommandToo() throws Exception {
    System.setProperty(SparkModule.PROPERTY, Files.createDirectories(tmp.resolve("empty")).toString());
    assertFalse(SweepRunner.available("local[2]"));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepRunner.find("local[2]"));
    assertTrue(e.getMessage().contains("no sweep runner in it") && e.getMessage().contains("./hamlab build --spark"),
        e.getMessage());
  }

  @Test
  void aModuleThatDoesNotKnowTheMasterSaysSo() throws Exception {
    System.setProperty(SparkModule.PROPERTY, fakeModule().toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepRunner.find("yarn"));
    assertTrue(e.getMessage().contains("does not run on 'yarn'"), e.getMessage());
  }

  @Test
  void sharesOnlyTheDslAndEngineWithTheCaller() {
    assertTrue(ModuleClassLoader.shared("org.hamlab.dsl.sweep.RunSpec"));
    assertTrue(ModuleClassLoader.shared("org.hamlab.engine.random.Seeds"));
    assertFalse(ModuleClassLoader.shared("org.hamlab.spark.SparkSweepRunner"));
    assertFalse(ModuleClassLoader.shared("com.fasterxml.jackson.databind.ObjectMapper"));
  }

  @Test
  void guessesTheCheckoutFromWhereTheDslWasBuilt() {
    // surefire runs in dsl/, and the DSL's classes are in dsl/target/classes
    assertEquals(Path.of("").toAbsolutePath().getParent(), SparkModule.repository(SweepRunner.class));
    assertNull(SparkModule.repository(String.class));
  }
}

package org.hamlab.dsl.shell;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptRunnerTest {
  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run run(String script) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int status = new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run("test.jsh", script);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aGoodScriptRunsEverySnippetWithTheDslImported() {
    Run r = run("""
        // comment lines and blank lines are skipped

        var dw = system("double-well");
        double h = dw.energy(state(1.0,
            0.5));
        /* a block comment */ System.out.println("H = " + h);
        for (int i = 0; i < 2; i++) {
          System.out.println("loop " + i);
        }
        """);
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("H = " + (0.125 + 0.25 - 0.5)), r.out());
    assertTrue(r.out().contains("loop 1"), r.out());
  }

  @Test
  void theFirstFailingLineIsReportedAndTheRestIsNotRun() {
    Run compile = run("""
        var dw = system("double-well");
        System.out.println("before");
        var data = dw.trajectories(10)
            .noize(0.1);
        System.out.println("after");
        """);
    assertEquals(1, compile.status());
    assertTrue(compile.err().contains("test.jsh:4: error:"), compile.err());
    assertTrue(compile.err().contains("noize"), compile.err());
    assertTrue(compile.out().contains("before") && !compile.out().contains("after"), compile.out());

    Run thrown = run("""
        var dw = system("double-well");

        var data = dw.trajectories(10).noise(-1);
        System.out.println("after");
        """);
    assertEquals(1, thrown.status());
    assertTrue(thrown.err().contains("test.jsh:3: error: IllegalArgumentException: noise σ must be finite and ≥ 0"),
        thrown.err());
    assertTrue(thrown.err().contains("var data = dw.trajectories(10).noise(-1);"), thrown.err());
    assertFalse(thrown.out().contains("after"));
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  void theCommandExitsNonZeroOnError() throws Exception {
    Path script = dir.resolve("bad.jsh");
    Files.writeString(script, "var x = 1;\nvar y = system(\"no-such-system\");\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "--add-modules=jdk.incubator.vector", "-Dhamlab.progress=quiet", "-cp",
        System.getProperty("java.class.path"), ScriptRunner.class.getName(), script.toString()))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), output);
    assertTrue(output.contains("bad.jsh:2: error: IllegalArgumentException: unknown system 'no-such-system'"), output);
  }
}

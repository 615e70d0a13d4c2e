package org.hamlab.dsl;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamlab.dsl.shell.ScriptRunner;
import org.junit.jupiter.api.Test;

/** The first {@code ```java} block of README.md is a DSL script that runs as written. */
@org.junit.jupiter.api.Tag("slow")
class ReadmeTourTest {

  static String tour() throws Exception {
    Path readme = Path.of("..", "README.md");
    assertTrue(Files.isRegularFile(readme), "README.md not found from " + Path.of("").toAbsolutePath());
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
    assertTrue(m.find(), "README.md has no ```java block");
    return m.group(1);
  }

  @Test
  void readmeTourRuns() throws Exception {
    String script = tour();
    assertTrue(script.contains("train(") && script.contains("rollout(") && script.contains("hamiltonianError(")
        && script.contains(".save("), "the tour shows the main verbs");
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int status = new ScriptRunner(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))
        .run("README.md", script);
    assertEquals(0, status, "README tour failed:\n" + err + "\nstdout:\n" + out);
    assertTrue(out.toString().contains("Hamiltonian error"), out.toString());
  }
}

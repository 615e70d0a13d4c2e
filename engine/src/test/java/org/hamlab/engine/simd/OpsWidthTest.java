package org.hamlab.engine.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The equivalence tests at every vector width, each in a JVM started with -Dhamlab.simd.bits
 * (a width above the hardware's runs the Java fallback: slow, but still must agree).
 */
@Tag("slow")
class OpsWidthTest {
  @ParameterizedTest(name = "{0} bits")
  @ValueSource(ints = {128, 256, 512})
  void panamaMatchesScalarAtForcedWidth(int bits) throws Exception {
    if (OpsProvider.panama().describe().contains(bits + "-bit")) {
      // this JVM already runs this width: OpsEquivalenceTest covers it in-process
      OpsEquivalenceFork.main(new String[0]);
      return;
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "--add-modules", "jdk.incubator.vector", "-XX:+UseSerialGC", "-Dhamlab.simd.bits=" + bits,
        "-cp", System.getProperty("java.class.path"), OpsEquivalenceFork.class.getName()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("panama " + bits + "-bit double ok"), out);
  }
}

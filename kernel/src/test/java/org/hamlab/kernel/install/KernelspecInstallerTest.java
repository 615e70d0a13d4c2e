package org.hamlab.kernel.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {
  @TempDir
  Path tmp;

  @Test
  void writesKernelJsonJarAndLogos() throws Exception {
    Path jar = Files.writeString(tmp.resolve("k.jar"), "not really a jar");
    Path dir = tmp.resolve("share/jupyter/kernels/hamlab");
    KernelspecInstaller.install(dir, jar, "/opt/java/bin/java");
    JsonObject spec = new JsonParser().parse(Files.readString(dir.resolve("kernel.json")))
        .getAsJsonObject();
    assertEquals("Java (hamlab)", spec.get("display_name").getAsString());
    assertEquals("java", spec.get("language").getAsString());
    assertEquals("message", spec.get("interrupt_mode").getAsString());
    JsonArray argv = spec.getAsJsonArray("argv");
    assertEquals("/opt/java/bin/java", argv.get(0).getAsString());
    String all = argv.toString();
    for (String flag : KernelspecInstaller.JVM_FLAGS) {
      assertTrue(all.contains(flag), flag);
    }
    assertEquals("{resource_dir}/hamlab-kernel.jar", argv.get(argv.size() - 2).getAsString());
    assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
    assertTrue(Files.isRegularFile(dir.resolve("hamlab-kernel.jar")));
    for (int size : new int[] {32, 64}) {
      BufferedImage logo = ImageIO.read(dir.resolve("logo-" + size + "x" + size + ".png").toFile());
      assertEquals(size, logo.getWidth());
      assertEquals(size, logo.getHeight());
    }
  }

  @Test
  void passesTheEnvironmentItIsGiven() throws Exception {
    Path jar = Files.writeString(tmp.resolve("k.jar"), "not really a jar");
    Path dir = tmp.resolve("kernel");
    KernelspecInstaller.install(dir, jar, "java",
        java.util.Map.of("HAMLAB_SPARK_CLASSPATH", "/repo/spark/target", "X", "a \"quoted\" \\ value"));
    JsonObject env = new JsonParser().parse(Files.readString(dir.resolve("kernel.json")))
        .getAsJsonObject().getAsJsonObject("env");
    assertEquals("/repo/spark/target", env.get("HAMLAB_SPARK_CLASSPATH").getAsString());
    assertEquals("a \"quoted\" \\ value", env.get("X").getAsString());
    assertEquals(2, env.size());
  }
}

package org.hamlab.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executors' JDK is refused before Spark starts when it cannot run hamlab, naming it and the fix. */
class ExecutorJdkTest {
  @TempDir
  Path tmp;

  /** A folder that looks like a JDK of {@code version}: bin/java and a release file. */
  private Path fakeJdk(String version) throws Exception {
    Path home = Files.createDirectories(tmp.resolve("jdk-" + version));
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
    return home;
  }

  @Test
  void comparesVersionsLikeTheJdk() {
    assertTrue(ExecutorJdk.older("17.0.15", "25.0.3"));
    assertTrue(ExecutorJdk.older("25", "25.0.3"));
    assertTrue(ExecutorJdk.older("25.0.2", "25.0.3"));
    assertFalse(ExecutorJdk.older("25.0.3", "25.0.3"));
    assertFalse(ExecutorJdk.older("25.0.10", "25.0.3"));
    assertFalse(ExecutorJdk.older("26-ea", "25.0.3"));
  }

  @Test
  void refusesAJava17ForLocalClusterExecutorsNamingItAndTheFix() throws Exception {
    Path jdk17 = fakeJdk("17.0.15");
    var e = assertThrows(IllegalArgumentException.class,
        () -> ExecutorJdk.check("local-cluster[2,1,1024]", jdk17.toString()));
    assertTrue(e.getMessage().contains(jdk17 + "\") is Java 17.0.15"), e.getMessage());
    assertTrue(e.getMessage().contains("25.0.3 or newer"), e.getMessage());
    assertTrue(e.getMessage().contains(System.getProperty("java.home")), "suggests this JVM's JDK: " + e.getMessage());
    ExecutorJdk.check("local-cluster[2,1,1024]", fakeJdk("25.0.3").toString());
  }

  @Test
  void refusesAFolderThatIsNoJdk() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ExecutorJdk.check("local-cluster[2,1,1024]", tmp.resolve("nothing").toString()));
    assertTrue(e.getMessage().contains("is not a JDK"), e.getMessage());
  }

  @Test
  void leavesRemoteAndInProcessMastersAlone() throws Exception {
    String jdk17 = fakeJdk("17.0.15").toString();
    ExecutorJdk.check("spark://127.0.0.1:7077", jdk17); // a path on the workers, checked when they run
    ExecutorJdk.check("local[2]", jdk17); // no executor JVM
  }

  @Test
  void recognisesAnExecutorTooOldForHamlabsClasses() {
    String failure = "Job aborted due to stage failure: ... java.lang.UnsupportedClassVersionError: "
        + "org/hamlab/spark/TrainTask has been compiled by a more recent version of the Java Runtime";
    String why = ExecutorJdk.tooOld(failure, "/opt/jdk-17");
    assertTrue(why.contains(".javaHome(\"/opt/jdk-17\")"), why);
    assertTrue(why.contains("25.0.3 or newer"), why);
    assertNull(ExecutorJdk.tooOld("Job aborted: NullPointerException", "/opt/jdk-17"));
  }
}

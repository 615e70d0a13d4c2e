package org.hamlab.engine.simd;

import java.lang.System.Logger.Level;

/**
 * Chooses the {@link OpsImpl} once: the Vector API implementation when the module {@code
 * jdk.incubator.vector} is readable, else the scalar one with one warning that names the flag to
 * add. {@code -Dhamlab.simd=scalar} forces the scalar implementation.
 */
final class OpsProvider {
  static final String MODULE_HINT =
      "start the JVM with --add-modules jdk.incubator.vector (the ./hamlab launcher and the Maven"
          + " build do this)";

  private OpsProvider() {}

  /** The chosen implementation (lazy holder: chosen at first use, thread-safe). */
  static OpsImpl get() {
    return Holder.IMPL;
  }

  /** True when the incubator module is in the boot layer. */
  static boolean vectorModulePresent() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  /** The Panama implementation; fails with the {@link #MODULE_HINT} when the module is missing. */
  static OpsImpl panama() {
    if (!vectorModulePresent()) {
      throw new IllegalStateException("the Vector API module jdk.incubator.vector is not loaded: " + MODULE_HINT);
    }
    return loadPanama();
  }

  /** Loaded by name so that the scalar path never links a Vector API class. */
  private static OpsImpl loadPanama() {
    try {
      Class<?> c = Class.forName("org.hamlab.engine.simd.PanamaOps");
      return (OpsImpl) c.getDeclaredField("INSTANCE").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the Vector API ops: " + e, e);
    }
  }

  private static final class Holder {
    static final OpsImpl IMPL = choose();

    private static OpsImpl choose() {
      System.Logger log = System.getLogger("org.hamlab.engine.simd");
      if ("scalar".equalsIgnoreCase(System.getProperty("hamlab.simd", ""))) {
        log.log(Level.DEBUG, "simd: scalar (forced by -Dhamlab.simd=scalar)");
        return ScalarOps.INSTANCE;
      }
      if (!vectorModulePresent()) {
        log.log(Level.WARNING, "simd: scalar, because jdk.incubator.vector is missing; " + MODULE_HINT);
        return ScalarOps.INSTANCE;
      }
      OpsImpl impl = loadPanama();
      log.log(Level.DEBUG, "simd: " + impl.describe());
      return impl;
    }
  }
}

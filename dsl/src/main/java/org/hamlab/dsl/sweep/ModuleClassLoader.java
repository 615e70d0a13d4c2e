package org.hamlab.dsl.sweep;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads an optional module (the Spark runner) beside the DSL: child-first for everything (Spark,
 * Scala, Jackson, logging) except the JDK and the packages it shares with its caller
 * ({@code org.hamlab.dsl}, {@code org.hamlab.engine}), which come from the parent so that the
 * module's {@link SweepRunner}, {@link RunSpec} and {@link RunResult} are the caller's types. So a
 * notebook whose class path holds older Jackson (Tribuo's) can still start Spark.
 */
final class ModuleClassLoader extends URLClassLoader {
  /** Package prefixes loaded from the parent: the types the module and its caller share. */
  static final List<String> SHARED = List.of("org.hamlab.dsl.", "org.hamlab.engine.");

  static {
    registerAsParallelCapable();
  }

  private final ClassLoader jdk = ClassLoader.getPlatformClassLoader();

  ModuleClassLoader(String name, URL[] urls, ClassLoader parent) {
    super(name, urls, parent);
  }

  static boolean shared(String className) {
    for (String p : SHARED) {
      if (className.startsWith(p)) return true;
    }
    return false;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null && shared(name)) c = getParent().loadClass(name);
      if (c == null) {
        try {
          c = jdk.loadClass(name);
        } catch (ClassNotFoundException notJdk) {
          // not a JDK class: the module's own copy first
        }
      }
      if (c == null) {
        try {
          c = findClass(name);
        } catch (ClassNotFoundException notInModule) {
          c = getParent().loadClass(name);
        }
      }
      if (resolve) resolveClass(c);
      return c;
    }
  }

  @Override
  public URL getResource(String name) {
    URL u = jdk.getResource(name);
    if (u == null) u = findResource(name);
    return u != null ? u : getParent().getResource(name);
  }

  /**
   * The JDK's and the module's resources; the parent's only when the module has none, so that
   * service files of the parent (its slf4j binding, say) never name classes the module cannot use.
   */
  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(jdk.getResources(name)));
    List<URL> own = Collections.list(findResources(name));
    all.addAll(own.isEmpty() ? Collections.list(getParent().getResources(name)) : own);
    return Collections.enumeration(all);
  }

  @Override
  public String toString() {
    return "ModuleClassLoader[" + getName() + "]";
  }
}

package org.hamlab.kernel.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell execution in the kernel's own JVM that can really be stopped (kernel.md §0.2, §2.3).
 *
 * <p>{@link LocalExecutionControl} runs each snippet on a fresh thread and, on JDK 25, weaves stop
 * checks into snippet bytecode, so {@code JShell.stop()} ends {@code while (true) {}} and interrupts
 * {@code Thread.sleep}. It only hands back the value's string form, though, and a notebook needs
 * the real object to display it. This class therefore runs every snippet through a tiny
 * trampoline: {@link #invoke(Method)} parks the real snippet method in a static field and asks the
 * superclass to invoke {@link #trampoline()}, which calls the snippet, files its result under a
 * fresh key and returns the key. JShell reports the key as the snippet's value; the evaluator
 * trades it for the object with {@link #takeResult(String)}. A hack, but a contained one.
 */
public final class StoppableExecutionControl extends LocalExecutionControl {
  private static final Method TRAMPOLINE;
  private static final Map<String, Object> RESULTS = new ConcurrentHashMap<>();
  private static final AtomicLong KEYS = new AtomicLong();
  private static volatile Method pending;

  static {
    try {
      TRAMPOLINE = StoppableExecutionControl.class.getMethod("trampoline");
    } catch (NoSuchMethodException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Snippet classes load in a child of {@code parent} (the kernel's loader). */
  public StoppableExecutionControl(ClassLoader parent) {
    super(parent);
  }

  @Override
  protected String invoke(Method doit) throws Exception {
    pending = doit;
    return super.invoke(TRAMPOLINE);
  }

  /**
   * Runs the parked snippet method on the snippet thread. Public only so the superclass can call it
   * reflectively; it reads {@code pending} first, so a nested evaluation can park its own method.
   */
  public static Object trampoline() throws Throwable {
    Method doit = pending;
    Object result;
    try {
      result = doit.invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    String key = "r" + KEYS.incrementAndGet();
    if (result != null) {
      RESULTS.put(key, result);
    }
    return key;
  }

  /**
   * The real value of a snippet from the value string JShell reported (the key, in quotes), or null
   * when the snippet produced none.
   */
  public static Object takeResult(String valueString) {
    if (valueString == null || valueString.length() < 2 || valueString.charAt(0) != '"') {
      return null;
    }
    return RESULTS.remove(valueString.substring(1, valueString.length() - 1));
  }
}

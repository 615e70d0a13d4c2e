package org.hamlab.dsl;

import java.util.function.Supplier;

/** A value computed once, on first use, by one thread; later callers get the same value. */
final class Lazy<T> {
  private Supplier<? extends T> supplier;
  private volatile T value;

  Lazy(Supplier<? extends T> supplier) {
    this.supplier = supplier;
  }

  static <T> Lazy<T> of(T value) {
    Lazy<T> l = new Lazy<>(null);
    l.value = value;
    return l;
  }

  T get() {
    T v = value;
    if (v != null) return v;
    synchronized (this) {
      if (value == null) {
        value = supplier.get();
        supplier = null;
      }
      return value;
    }
  }

  boolean done() {
    return value != null;
  }
}

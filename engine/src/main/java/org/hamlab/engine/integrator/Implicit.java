package org.hamlab.engine.integrator;

/** Marker: each step solves a non-linear system; its settings are {@link #solve()}. */
public interface Implicit {
  ImplicitSolve solve();
}

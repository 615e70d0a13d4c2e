package org.hamlab.engine.integrator;

/** Marker: the step map is symplectic for every Hamiltonian the integrator accepts. */
public interface Symplectic {}

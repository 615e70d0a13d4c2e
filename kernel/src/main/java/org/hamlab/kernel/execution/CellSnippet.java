package org.hamlab.kernel.execution;

/**
 * One JShell snippet cut from a cell: its source as JShell will compile it and the 0-based line of
 * the cell on which it starts (to map diagnostics and stack frames back to the cell).
 */
public record CellSnippet(String source, int startLine) {}

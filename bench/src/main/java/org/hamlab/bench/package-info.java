/** Benchmarks behind {@code ./hamlab bench}. */
package org.hamlab.bench;

package org.hamlab.dsl;

import java.time.OffsetDateTime;
import org.hamlab.engine.nn.ParametricHamiltonian;
import tech.tablesaw.api.Table;

/**
 * What a finished (or stopped) training produced.
 *
 * @param hamiltonian the best model H_θ (lowest training loss; the last good one if stopped)
 * @param history one row per epoch: epoch, loss, learning_rate, seconds
 * @param stop why training ended: "finished", "cancelled", or the divergence message
 * @param finished when it ended
 */
record Fit(ParametricHamiltonian hamiltonian, Table history, String stop, OffsetDateTime finished) {}

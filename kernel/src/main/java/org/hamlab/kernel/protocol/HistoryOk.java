package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import java.util.List;

/** basekernel's history_reply plus the {@code status} field the protocol requires. */
final class HistoryOk extends HistoryReply {
  @SuppressWarnings("unused") // serialised by Gson
  private final String status = "ok";

  HistoryOk(List<HistoryEntry> history) {
    super(history);
  }
}

package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.ReplyType;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import java.util.List;

/**
 * history_reply with the {@code status} basekernel omits; entries are {@code [session, line,
 * input]} or, with output, {@code [session, line, [input, output]]} as the protocol says.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class HistoryOk implements ContentType<HistoryOk>, ReplyType<HistoryRequest> {
  @SuppressWarnings("unused") // serialised by Gson
  private final String status = "ok";
  @SuppressWarnings("unused")
  private final List<List<Object>> history;

  HistoryOk(List<HistoryEntry> entries) {
    this.history = entries.stream().map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput())).toList();
  }

  @Override
  public MessageType<HistoryOk> getType() {
    return (MessageType) MessageType.HISTORY_REPLY;
  }

  @Override
  public MessageType<HistoryRequest> getRequestType() {
    return MessageType.HISTORY_REQUEST;
  }
}

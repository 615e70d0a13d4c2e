package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.ReplyType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;

/** execute_reply with status {@code aborted}, for cells queued behind a failed one. */
@SuppressWarnings({"rawtypes", "unchecked"})
final class AbortedReply implements ContentType<AbortedReply>, ReplyType<ExecuteRequest> {
  @SuppressWarnings("unused") // serialised by Gson
  private final String status = "aborted";
  @SuppressWarnings("unused")
  private final int execution_count;

  AbortedReply(int executionCount) {
    this.execution_count = executionCount;
  }

  @Override
  public MessageType<AbortedReply> getType() {
    return (MessageType) MessageType.EXECUTE_REPLY;
  }

  @Override
  public MessageType<ExecuteRequest> getRequestType() {
    return MessageType.EXECUTE_REQUEST;
  }
}

package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.time.Instant;
import java.util.Date;

/**
 * Fixes over basekernel 2.3.0 (kernel.md §0.1, §1.9), installed after
 * {@code becomeHandlerForConnection}: kernel_info with {@code status}; execute requests wrapped to
 * remember the reply environment (for {@code clear_output}) and to answer cells queued behind a
 * failed one with status {@code aborted} (stop_on_error, as ipykernel).
 */
public final class ProtocolFixes {
  /** What the wrapper needs from the kernel. */
  public interface Session {
    /** True if the most recent cell failed; clears the flag. */
    boolean takeFailure();

    /** Counts an aborted cell; returns its execution count. */
    int nextExecutionCount();
  }

  private volatile ShellReplyEnvironment current;
  private volatile Date abortBefore;

  /** Installs the fixes on {@code conn} for {@code kernel}. */
  public void install(JupyterConnection conn, BaseKernel kernel, Session session) {
    conn.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> {
      env.setBusyDeferIdle();
      env.reply(new KernelInfoOk(Header.PROTOCOL_VERISON, "hamlab", kernelVersion(),
          kernel.getLanguageInfo(), kernel.getBanner(), kernel.getHelpLinks()));
    });
    ShellHandler<ExecuteRequest> execute = conn.getHandler(MessageType.EXECUTE_REQUEST);
    conn.setHandler(MessageType.EXECUTE_REQUEST, (env, msg) -> {
      if (shouldAbort(msg)) {
        env.setBusyDeferIdle();
        env.reply(new AbortedReply(session.nextExecutionCount()));
        return;
      }
      current = env;
      try {
        execute.handle(env, msg);
      } finally {
        current = null;
        if (session.takeFailure() && msg.getContent().shouldStopOnError()) {
          abortBefore = new Date();
        }
      }
    });
  }

  /** Queued cells sent before the failure finished are aborted; later ones run. */
  private boolean shouldAbort(Message<ExecuteRequest> msg) {
    Date limit = abortBefore;
    if (limit == null) {
      return false;
    }
    Date sent = sentAt(msg);
    if (sent != null && sent.before(limit)) {
      return true;
    }
    abortBefore = null;
    return false;
  }

  /** The request's header date (ISO 8601, microseconds allowed), or null if unreadable. */
  static Date sentAt(Message<?> msg) {
    try {
      return msg.getHeader().getTimestamp() == null ? null
          : Date.from(Instant.parse(msg.getHeader().getTimestamp().getDateString()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Publishes clear_output for the running cell; false when no cell runs. */
  public boolean clearOutput(boolean wait) {
    ShellReplyEnvironment env = current;
    if (env == null) {
      return false;
    }
    env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    return true;
  }

  static String kernelVersion() {
    String v = ProtocolFixes.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0" : v;
  }

}

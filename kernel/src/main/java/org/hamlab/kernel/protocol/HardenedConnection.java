package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.lang.reflect.Field;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * basekernel's connection, except that a bad message does not kill the shell or control loop.
 * basekernel rejects a message with a wrong HMAC signature by throwing {@link SecurityException}
 * from its read loop, which ends the loop thread: one forged message would leave the kernel deaf.
 * Here each loop gets an error callback that logs the rejection and keeps polling.
 */
public final class HardenedConnection extends JupyterConnection {
  private static final Logger LOG = Logger.getLogger(HardenedConnection.class.getName());
  static final long RETRY_MS = 5;

  public HardenedConnection(KernelConnectionProperties props)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(props);
  }

  @Override
  public void connect() {
    super.connect();
    survive(shell);
    survive(control);
  }

  private static void survive(ShellChannel channel) {
    try {
      Field f = ShellChannel.class.getDeclaredField("ioloop");
      f.setAccessible(true);
      Loop loop = (Loop) f.get(channel);
      loop.onError(t -> {
        if (t instanceof SecurityException) {
          LOG.warning("rejected a message: " + t.getMessage());
        } else {
          LOG.log(Level.SEVERE, "error in the message loop", t);
        }
        return RETRY_MS;
      });
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot harden basekernel's message loop", e);
    }
  }
}

package org.hamlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The signature basekernel checks is HMAC-SHA256 over the four JSON frames (Jupyter spec). */
class HmacTest {
  private static final byte[][] FRAMES = {
      "{\"msg_id\":\"1\"}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8),
      "{}".getBytes(StandardCharsets.UTF_8), "{\"code\":\"1\"}".getBytes(StandardCharsets.UTF_8)};

  static String reference(String key) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
    for (byte[] f : FRAMES) {
      mac.update(f);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  @Test
  void signatureMatchesTheSpecAndDependsOnTheKey() throws Exception {
    HMACGenerator right = new HMACGenerator("hmac-sha256", "secret-key");
    HMACGenerator wrong = new HMACGenerator("hmac-sha256", "other-key");
    assertEquals(reference("secret-key"), right.calculateSignature(FRAMES));
    assertNotEquals(right.calculateSignature(FRAMES), wrong.calculateSignature(FRAMES));
  }
}

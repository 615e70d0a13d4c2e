package org.hamlab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.util.List;

/** basekernel's kernel_info_reply plus the {@code status} and {@code debugger} fields it lacks. */
final class KernelInfoOk extends KernelInfoReply {
  @SuppressWarnings("unused") // serialised by Gson
  private final String status = "ok";
  @SuppressWarnings("unused")
  private final boolean debugger = false;

  KernelInfoOk(String protocolVersion, String name, String version, LanguageInfo info,
      String banner, List<LanguageInfo.Help> help) {
    super(protocolVersion, name, version, info, banner, help);
  }
}

package org.hamlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process from {@code /proc/self/status} (Linux), in MB (2^20 bytes). */
final class ProcStatus {
  private ProcStatus() {}

  /** VmHWM: peak resident set size, as the peer's ru_maxrss; NaN where /proc is missing. */
  static double peakRssMb() {
    return kilobytes("VmHWM:") / 1024.0;
  }

  /** VmRSS: current resident set size; NaN where /proc is missing. */
  static double rssMb() {
    return kilobytes("VmRSS:") / 1024.0;
  }

  private static double kilobytes(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key)) {
          return Double.parseDouble(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}

package org.hamlab.bench;

import java.util.List;
import java.util.Map;

/** Minimal JSON writer for RESULT lines: maps, lists, int[], numbers, strings, booleans, null. */
final class Json {
  private Json() {}

  static String write(Object v) {
    StringBuilder sb = new StringBuilder();
    write(v, sb);
    return sb.toString();
  }

  private static void write(Object v, StringBuilder sb) {
    switch (v) {
      case null -> sb.append("null");
      case String s -> string(s, sb);
      case Boolean b -> sb.append(b);
      case Double d -> sb.append(Double.isFinite(d) ? d.toString() : "null");
      case Float f -> write(f.doubleValue(), sb);
      case Number n -> sb.append(n);
      case int[] a -> {
        sb.append('[');
        for (int i = 0; i < a.length; i++) sb.append(i > 0 ? ", " : "").append(a[i]);
        sb.append(']');
      }
      case List<?> l -> {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) sb.append(", ");
          write(l.get(i), sb);
        }
        sb.append(']');
      }
      case Map<?, ?> m -> {
        sb.append('{');
        boolean first = true;
        for (var e : m.entrySet()) {
          if (!first) sb.append(", ");
          first = false;
          string(String.valueOf(e.getKey()), sb);
          sb.append(": ");
          write(e.getValue(), sb);
        }
        sb.append('}');
      }
      default -> string(v.toString(), sb);
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}

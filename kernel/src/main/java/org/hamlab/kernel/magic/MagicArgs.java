package org.hamlab.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/** Splits a magic's argument text like a shell: white space separates, quotes group, {@code \} escapes. */
public final class MagicArgs {
  private MagicArgs() {}

  public static List<String> split(String raw) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inToken = false;
    char quote = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && quote != '\'') {
        cur.append(raw.charAt(++i));
        inToken = true;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inToken = true;
      } else if (Character.isWhitespace(c)) {
        if (inToken) {
          out.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
      } else {
        cur.append(c);
        inToken = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unclosed " + quote + " in magic arguments: " + raw);
    }
    if (inToken) {
      out.add(cur.toString());
    }
    return out;
  }

  /** A Java string literal for {@code s}. */
  public static String javaLiteral(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

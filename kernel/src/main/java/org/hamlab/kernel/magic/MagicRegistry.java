package org.hamlab.kernel.magic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The magics of a kernel by name, and the rewrite of a cell's magics into Java source. */
public final class MagicRegistry {
  /** The Java call a plain magic line becomes (the runtime class is static-imported anyway). */
  public static final String CALL = "org.hamlab.kernel.runtime.Notebook.lineMagic";
  public static final String CELL_CALL = "org.hamlab.kernel.runtime.Notebook.cellMagic";
  private static final Pattern LINE = Pattern.compile("^(\\s*)%([A-Za-z][\\w-]*)(.*)$");
  private static final Pattern CELL = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)([^\\n]*)\\n?(.*)$",
      Pattern.DOTALL);

  private final Map<String, Magic> magics = new TreeMap<>();

  public MagicRegistry register(Magic m) {
    magics.put(m.name(), m);
    return this;
  }

  public List<String> names() {
    return List.copyOf(magics.keySet());
  }

  public Object apply(String name, List<String> args, String body) throws Exception {
    return find(name).apply(args, body);
  }

  private Magic find(String name) {
    Magic m = magics.get(name);
    if (m == null) {
      throw new IllegalArgumentException("unknown magic %" + name + "; known: "
          + magics.keySet().stream().map(n -> "%" + n).collect(Collectors.joining(", ")));
    }
    return m;
  }

  /** The cell with its magics replaced by Java; line count is preserved for line magics. */
  public String rewrite(String cell) throws Exception {
    Matcher cm = CELL.matcher(cell);
    if (cm.matches()) {
      String name = cm.group(1);
      String raw = cm.group(2).strip();
      String body = cm.group(3);
      List<String> args = MagicArgs.split(raw);
      String src = find(name).rewriteCell(raw, args, body);
      if (src != null) {
        return src;
      }
      return CELL_CALL + "(" + MagicArgs.javaLiteral(name) + ", " + listOf(args) + ", "
          + MagicArgs.javaLiteral(body) + ");" + "\n".repeat(lineCount(body));
    }
    String[] lines = cell.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      Matcher lm = LINE.matcher(lines[i]);
      if (lm.matches()) {
        String name = lm.group(2);
        String raw = lm.group(3).strip();
        List<String> args = MagicArgs.split(raw);
        String src = find(name).rewriteLine(raw, args);
        out.append(lm.group(1)).append(src != null ? src
            : CALL + "(" + MagicArgs.javaLiteral(name) + ", " + listOf(args) + ");");
      } else {
        out.append(lines[i]);
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static int lineCount(String s) {
    return (int) s.chars().filter(c -> c == '\n').count();
  }

  static String listOf(List<String> args) {
    return "java.util.List.of(" + args.stream().map(MagicArgs::javaLiteral)
        .collect(Collectors.joining(", ")) + ")";
  }
}

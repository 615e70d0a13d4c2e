package org.hamlab.kernel.display;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A Tablesaw {@code Table} as an HTML table (head and tail when long), read reflectively so that
 * any copy of Tablesaw on the class path works.
 */
final class TableHtml {
  static final int HEAD = 10;
  static final int TAIL = 5;

  private TableHtml() {}

  static DisplayData render(Object table) {
    try {
      String name = (String) call(table, "name");
      int rows = (Integer) call(table, "rowCount");
      @SuppressWarnings("unchecked")
      List<String> cols = (List<String>) call(table, "columnNames");
      Method getString = table.getClass().getMethod("getString", int.class, String.class);
      StringBuilder h = new StringBuilder("<div class=\"hamlab-table\">");
      if (name != null && !name.isBlank()) {
        h.append("<b>").append(escape(name)).append("</b> ");
      }
      h.append("<span style=\"color:#666\">").append(rows).append(" rows × ").append(cols.size())
          .append(" columns</span><table><thead><tr>");
      for (String c : cols) {
        h.append("<th>").append(escape(c)).append("</th>");
      }
      h.append("</tr></thead><tbody>");
      boolean elide = rows > HEAD + TAIL + 1;
      for (int r = 0; r < rows; r++) {
        if (elide && r == HEAD) {
          h.append("<tr><td colspan=\"").append(cols.size()).append("\">…</td></tr>");
          r = rows - TAIL;
        }
        h.append("<tr>");
        for (String c : cols) {
          h.append("<td>").append(escape((String) getString.invoke(table, r, c))).append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</tbody></table></div>");
      DisplayData d = new DisplayData(table.toString());
      d.putHTML(h.toString());
      return d;
    } catch (ReflectiveOperationException | ClassCastException e) {
      return new DisplayData(table.toString());
    }
  }

  private static Object call(Object o, String method) throws ReflectiveOperationException {
    return o.getClass().getMethod(method).invoke(o);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

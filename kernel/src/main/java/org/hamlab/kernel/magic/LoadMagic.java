package org.hamlab.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code %load FILE...}: runs the code of {@code .jsh}/{@code .java} files or of the code cells of
 * an {@code .ipynb} notebook in place of the magic line (as IPython's {@code %load} pastes it).
 * Line numbers in errors after a {@code %load} count the pasted lines.
 */
public final class LoadMagic implements Magic {
  @Override
  public String name() {
    return "load";
  }

  @Override
  public String rewriteLine(String rawArgs, List<String> args) throws IOException {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("%load needs a file: %load setup.jsh or %load other.ipynb");
    }
    StringBuilder code = new StringBuilder();
    for (String a : args) {
      Path p = Path.of(a);
      try {
        code.append(a.endsWith(".ipynb") ? notebookCode(Files.readString(p)) : Files.readString(p));
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException("%load: no file " + p.toAbsolutePath()
            + " (paths are relative to the notebook's directory)", e);
      }
      code.append('\n');
    }
    return code.toString();
  }

  /** The code cells of a notebook, in order, joined by newlines. */
  static String notebookCode(String json) {
    JsonObject nb = new JsonParser().parse(json).getAsJsonObject();
    List<String> cells = new ArrayList<>();
    for (JsonElement c : nb.getAsJsonArray("cells")) {
      JsonObject cell = c.getAsJsonObject();
      if (!"code".equals(cell.get("cell_type").getAsString())) {
        continue;
      }
      JsonElement src = cell.get("source");
      if (src.isJsonArray()) {
        StringBuilder b = new StringBuilder();
        src.getAsJsonArray().forEach(l -> b.append(l.getAsString()));
        cells.add(b.toString());
      } else {
        cells.add(src.getAsString());
      }
    }
    return String.join("\n", cells);
  }
}

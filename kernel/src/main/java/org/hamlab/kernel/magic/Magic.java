package org.hamlab.kernel.magic;

import java.util.List;

/**
 * A notebook magic ({@code %name args} on a line, {@code %%name args} heading a cell). Magics are
 * source rewrites (IJava style): the cell is turned into Java before JShell sees it, so magics run
 * in order with the code around them. By default a magic becomes a call
 * {@code Notebook.lineMagic("name", List.of(args…))} that lands in {@link #apply}; a magic that
 * wraps code (like {@code %time}) rewrites the source itself.
 */
public interface Magic {
  /** The name after {@code %} / {@code %%}. */
  String name();

  /** Runs the magic; {@code body} is the cell body for a cell magic, else null. */
  default Object apply(List<String> args, String body) throws Exception {
    throw new IllegalArgumentException("%" + name() + " cannot be used this way");
  }

  /**
   * Java source replacing the line {@code %name rawArgs} (one line: it must not add line breaks,
   * so cell line numbers stay right), or null to call {@link #apply}.
   */
  default String rewriteLine(String rawArgs, List<String> args) throws Exception {
    return null;
  }

  /** Java source replacing a whole {@code %%name} cell, or null to call {@link #apply}. */
  default String rewriteCell(String rawArgs, List<String> args, String body) throws Exception {
    return null;
  }
}

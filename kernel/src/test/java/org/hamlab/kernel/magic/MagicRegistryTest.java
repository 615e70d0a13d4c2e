package org.hamlab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagicRegistryTest {
  private final List<String> added = new ArrayList<>();
  private final MagicRegistry magics = new MagicRegistry()
      .register(new TimeMagic())
      .register(new ClasspathMagic(added::add));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a b c|a,b,c",
      "'x y' z|x y,z",
      "\"q \\\" r\"|q \" r",
      "  lead   trail  |lead,trail",
      "lib/*.jar|lib/*.jar"})
  void splitsLikeAShell(String raw, String expected) {
    assertEquals(List.of(expected.split(",")), MagicArgs.split(raw));
  }

  @Test
  void unclosedQuoteIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MagicArgs.split("'open"));
    assertTrue(e.getMessage().contains("unclosed"));
  }

  @Test
  void javaLiteralEscapes() {
    assertEquals("\"a\\\"b\\\\c\\nd\"", MagicArgs.javaLiteral("a\"b\\c\nd"));
  }

  @Test
  void lineMagicBecomesACallOnTheSameLine() throws Exception {
    String cell = "int a = 1;\n  %classpath lib/*.jar 'x y'\nint b = 2;";
    String out = magics.rewrite(cell);
    assertEquals(3, out.split("\n", -1).length, "line count must not change");
    assertEquals("  " + MagicRegistry.CALL + "(\"classpath\", java.util.List.of(\"lib/*.jar\", \"x y\"));",
        out.split("\n")[1]);
  }

  @Test
  void timeWrapsTheCodeOnItsLine() throws Exception {
    String out = magics.rewrite("%time int x = f()");
    assertEquals(TimeMagic.START + " int x = f(); " + TimeMagic.REPORT, out);
  }

  @Test
  void timeCellKeepsBodyLines() throws Exception {
    String out = magics.rewrite("%%time\nint a = 1;\na");
    assertEquals(TimeMagic.START + "\nint a = 1;\na;\n" + TimeMagic.REPORT, out);
  }

  @Test
  void unknownMagicNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> magics.rewrite("%nope 1"));
    assertTrue(e.getMessage().contains("unknown magic %nope"));
    assertTrue(e.getMessage().contains("%classpath"));
  }

  @Test
  void percentInsideCodeIsNotAMagic() throws Exception {
    String cell = "int r = 7 % 2;";
    assertEquals(cell, magics.rewrite(cell));
  }

  @Test
  void classpathRejectsMissingPaths() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> magics.apply("classpath", List.of("/no/such/dir/*.jar"), null));
    assertTrue(e.getMessage().contains("nothing matches /no/such/dir/*.jar"));
    assertTrue(added.isEmpty());
  }
}

package org.hamlab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One JShell for the class (starting one costs seconds). */
class CodeEvaluatorTest {
  static CodeEvaluator ev;

  @BeforeAll
  static void start() {
    ev = new CodeEvaluator(System.getProperty("java.class.path"),
        List.of("--add-modules", "jdk.incubator.vector"));
  }

  @AfterAll
  static void stop() {
    ev.close();
  }

  @Test
  void lastExpressionGivesTheRealObject() throws Exception {
    Object v = ev.eval("var sb = new StringBuilder(\"ab\");\nsb", 1);
    assertInstanceOf(StringBuilder.class, v, "the trampoline must hand back the object itself");
    assertEquals("ab", v.toString());
  }

  @Test
  void declarationsShowNoValue() throws Exception {
    assertNull(ev.eval("int declared = 5;", 2));
    assertEquals(6, ev.eval("declared + 1", 3));
  }

  @Test
  void splitterReportsStartLines() throws Exception {
    SnippetSplitter s = new SnippetSplitter(ev.analysis());
    List<CellSnippet> snippets = s.split("int a = 1;\n\n  int b = 2;\nvoid f() {\n}\n");
    assertEquals(List.of(0, 2, 3), snippets.stream().map(CellSnippet::startLine).toList());
    assertEquals("int b = 2;", snippets.get(1).source().strip());
  }

  @Test
  void unfinishedCellNamesTheLine() {
    IncompleteSourceException e = assertThrows(IncompleteSourceException.class,
        () -> ev.eval("int a = 1;\nfor (int i = 0; i < 3; i++) {", 4));
    assertEquals(1, e.line());
  }

  @Test
  void compileErrorNamesTheCellLineAndColumn() {
    CompilationException e = assertThrows(CompilationException.class,
        () -> ev.eval("int ok = 1;\n\nString s = 5;", 5));
    assertTrue(e.lines().getFirst().startsWith("line 3, column 12:"), e.lines().toString());
    assertTrue(e.lines().getFirst().contains("incompatible types"), e.lines().toString());
  }

  @Test
  void stackFramesNameCellLines() throws Exception {
    ev.eval("int boom(int x) {\n  return 10 / x;\n}", 6);
    EvaluationException e = assertThrows(EvaluationException.class,
        () -> ev.eval("int y = 1;\nboom(0)", 7));
    assertEquals("java.lang.ArithmeticException", e.exceptionClass());
    String trace = String.join("\n", e.trace());
    assertTrue(trace.contains("boom(cell [6] line 2)"), trace);
    assertTrue(trace.contains("cell [7] line 2"), trace);
  }

  @Test
  void interruptStopsABusyLoopAndTheShellStaysUsable() throws Exception {
    CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
      try {
        return ev.eval("long spins = 0; while (true) { spins++; }", 8);
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(1500);
    ev.interrupt();
    Object outcome = run.get(30, TimeUnit.SECONDS);
    assertInstanceOf(EvaluationInterruptedException.class, outcome);
    assertEquals(42, ev.eval("6 * 7", 9));
  }

  @Test
  void interruptReachesLibraryCodeThatWaits() throws Exception {
    CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> {
      try {
        return ev.eval("new java.util.concurrent.CountDownLatch(1).await();", 10);
      } catch (Exception e) {
        return e;
      }
    });
    Thread.sleep(1500);
    ev.interrupt();
    assertInstanceOf(EvaluationInterruptedException.class, run.get(30, TimeUnit.SECONDS));
  }

  @Test
  void isCompleteTellsInvalidFromIncomplete() {
    CodeIntrospector in = new CodeIntrospector(ev::analysis);
    assertEquals("complete", in.isComplete("int q = 1;").status());
    assertEquals("incomplete", in.isComplete("int q = ").status());
    assertEquals("invalid", in.isComplete("int x = ;)").status());
    assertEquals("  ", in.isComplete("void g() {").indent());
  }

  @Test
  void inspectFindsMethodDocsWithoutTheParenthesis() {
    String doc = new CodeIntrospector(ev::analysis).inspect("Math.max", 8);
    assertTrue(doc != null && doc.contains("max("), String.valueOf(doc));
  }
}

package org.hamlab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadMagicTest {
  @Test
  void notebookCodeCellsAreJoinedInOrder() {
    String nb = "{\"cells\": [{\"cell_type\": \"markdown\", \"source\": [\"# t\"]},"
        + " {\"cell_type\": \"code\", \"source\": [\"int a = 1;\\n\", \"int b = 2;\"]},"
        + " {\"cell_type\": \"code\", \"source\": \"a + b\"}]}";
    assertEquals("int a = 1;\nint b = 2;\na + b", LoadMagic.notebookCode(nb));
  }
}

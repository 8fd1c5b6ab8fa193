package io.latte.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use latte from Java" code is {@link UseLatteFromJava}'s, which the build compiles
 * and {@link LuceneApiTest} runs: the README block must contain the lines between the source's
 * markers exactly (indentation removed), so the documented code cannot drift from working code.
 */
class ReadmeSnippetTest {
  @Test
  void readmeShowsTheCompiledProgram() throws IOException {
    String source = Files.readString(Path.of("src/test/java/io/latte/engine/UseLatteFromJava.java"));
    int begin = source.indexOf("// README:begin\n");
    int end = source.indexOf("  // README:end");
    assertTrue(begin > 0 && end > begin, "markers in UseLatteFromJava.java");
    String snippet = source.substring(begin + "// README:begin\n".length(), end).stripTrailing()
        .lines().map(l -> l.startsWith("  ") ? l.substring(2) : l).reduce((a, b) -> a + "\n" + b).orElseThrow();
    String imports = source.lines().filter(l -> l.startsWith("import ")).reduce((a, b) -> a + "\n" + b).orElseThrow();
    String readme = Files.readString(Path.of("..", "README.md"));
    assertTrue(readme.contains("```java\n" + imports + "\n\n" + snippet + "\n```"),
        "README.md must show, verbatim, UseLatteFromJava's imports and program:\n" + imports + "\n\n" + snippet);
  }
}

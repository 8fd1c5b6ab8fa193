package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server serves through the engine (models + indexer + searcher) only: no source file of
 * {@code io.latte.server.http} may use the evaluation harness ({@code io.latte.eval}), which the
 * server module carries for the CLI commands that evaluate. A plain scan of the sources, so the rule
 * needs no extra build plugin; Maven runs tests from the module directory.
 */
class HttpPathIndependenceTest {
  private static final Path HTTP_SOURCES = Path.of("src/main/java/io/latte/server/http");

  @Test
  void httpPackagesDoNotUseTheEvaluationHarness() throws IOException {
    assertTrue(Files.isDirectory(HTTP_SOURCES), "run from the server module: " + HTTP_SOURCES.toAbsolutePath());
    List<Path> sources;
    try (Stream<Path> s = Files.walk(HTTP_SOURCES)) {
      sources = s.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(sources.size() > 20, "expected the HTTP sources, found " + sources.size());
    List<String> offenders = sources.stream().filter(HttpPathIndependenceTest::usesEval).map(Path::toString).toList();
    assertEquals(List.of(), offenders, "io.latte.server.http must not use io.latte.eval");
  }

  private static boolean usesEval(Path source) {
    try {
      return Files.readString(source).contains("io.latte.eval");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

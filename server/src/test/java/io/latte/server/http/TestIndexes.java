package io.latte.server.http;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.input.DocumentSource;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import io.latte.engine.EncoderEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The bundled sample collection (263 passages with topic/year/source metadata) indexed once per test
 * JVM with the default model, as {@code latte index} would; each server gets its own copy, because a
 * server holds its index's write lock.
 */
public final class TestIndexes {
  /** The sample collection in the source tree (tests run with the module folder as working dir). */
  public static final Path SAMPLE = Path.of("..", "eval", "src", "main", "resources", "sample");

  private static Path sample;

  private TestIndexes() {}

  /** The built sample index (read it, never serve it: copy it with {@link #copyOfSample}). */
  public static synchronized Path sample() {
    if (sample == null) {
      try {
        Path dir = Files.createDirectories(Path.of("target", "test-indexes"));
        Path idx = Files.createTempDirectory(dir, "sample-");
        try (TokenEncoder encoder = Encoders.open(Encoders.DEFAULT_MODEL);
            DocumentSource src = CorpusFile.open(CorpusFile.resolve(SAMPLE))) {
          IndexBuilder.build(idx, src, new EncoderEmbedder(encoder), BuildOptions.builder().build(), null);
        }
        sample = idx;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(idx)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sample;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // target/ is cleaned by the build anyway
    }
  }

  /** A private copy of the sample index under {@code parent}. */
  public static Path copyOfSample(Path parent) throws IOException {
    Path src = sample();
    Path dst = Files.createDirectories(parent.resolve("sample-copy"));
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, dst.resolve(f.getFileName()));
        }
      }
    }
    return dst;
  }
}

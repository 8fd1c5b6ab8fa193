package io.latte.searcher;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.testing.Indexes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds a latte index with (or without) MUVERA encodings through the real {@code IndexBuilder}. */
final class MuveraTestIndex {
  private MuveraTestIndex() {}

  /**
   * @param commitEvery documents per commit (several segments)
   * @param config the encoding, or null for an index without the field
   */
  static void build(Path dir, List<SourceDocument> docs, TokenEmbedder embedder, int centroids, int commitEvery,
      FdeConfig config) throws IOException {
    BuildOptions o = Indexes.smallOptions().numCentroids(centroids).commitEveryDocs(commitEvery).muvera(config).build();
    Indexes.build(dir, "muvera-test", docs, embedder, o);
  }
}

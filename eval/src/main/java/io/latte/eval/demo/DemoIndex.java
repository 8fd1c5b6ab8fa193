package io.latte.eval.demo;

import io.latte.eval.beir.BeirDocument;
import io.latte.engine.EncoderEmbedder;
import io.latte.eval.harness.TempFolders;
import io.latte.eval.harness.EngineModes;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.BuildSummary;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.read.LatteIndex;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LatteSearcher;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's index path: the sample passages, already encoded for the float modes, written into a
 * latte index in a temporary folder (codebook training, 2-bit residuals, Lucene segments — what
 * {@code latte index} does, without encoding a second time), searched by the searcher's modes.
 * The folder is deleted on close.
 */
final class DemoIndex implements Closeable {
  private final Path dir;
  private final LatteIndex index;
  private final LatteSearcher searcher;
  private final BuildSummary summary;

  private DemoIndex(Path dir, LatteIndex index, BuildSummary summary) throws IOException {
    this.dir = dir;
    this.index = index;
    this.summary = summary;
    this.searcher = new LatteSearcher(IndexHandle.of(index));
  }

  /** Builds the index of {@code docs} from their encodings ({@code encoded.get(i)} of {@code docs.get(i)}). */
  static DemoIndex build(TokenEncoder encoder, List<BeirDocument> docs, List<EncodedText> encoded) throws IOException {
    List<SourceDocument> sources = new ArrayList<>(docs.size());
    Map<SourceDocument, DocumentVectors> vectors = new IdentityHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      BeirDocument d = docs.get(i);
      SourceDocument s = new SourceDocument(d.id(), d.title(), d.text(), Map.of(), "sample", i + 1);
      EncodedText e = encoded.get(i);
      int dim = e.vectors()[0].length;
      float[] flat = new float[e.length() * dim];
      for (int t = 0; t < e.length(); t++) {
        System.arraycopy(e.vectors()[t], 0, flat, t * dim, dim);
      }
      sources.add(s);
      vectors.put(s, new DocumentVectors(s, flat, e.length(), e.tokens(), e.starts(), e.ends()));
    }
    ModelIdentity model = EncoderEmbedder.identity(encoder);
    TokenEmbedder precomputed = TokenEmbedder.replaying(model, vectors::get);
    Path dir = Files.createTempDirectory("latte-demo-index");
    try {
      // No MUVERA graph: the demo shows token retrieval (xtr) and its re-ranking (colbert).
      BuildOptions options = BuildOptions.builder().muvera(null).encodeThreads(1).build();
      BuildSummary summary;
      try (DocumentSource source = DocumentSource.of("demo", sources)) {
        summary = IndexBuilder.build(dir, source, precomputed, options, null);
      }
      return new DemoIndex(dir, LatteIndex.open(dir, model), summary);
    } catch (IOException | RuntimeException e) {
      delete(dir);
      throw e;
    }
  }

  BuildSummary summary() {
    return summary;
  }

  LatteIndex index() {
    return index;
  }

  /** The searcher in {@code mode} with default parameters. */
  ModeRunner runner(QuerySet queries, SearchMode mode) {
    return EngineModes.runner(searcher, queries, mode, SearchParams.defaults());
  }

  @Override
  public void close() throws IOException {
    try {
      index.close();
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    TempFolders.deleteTree(dir);
  }
}

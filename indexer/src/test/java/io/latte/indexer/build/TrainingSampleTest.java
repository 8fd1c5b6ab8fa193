package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The codebook's training sample spans the whole input, and no document is encoded twice. */
class TrainingSampleTest {

  @TempDir Path tmp;

  /** Counts how often each document is embedded, and which were embedded before training started. */
  static final class CountingEmbedder implements TokenEmbedder, BuildListener {
    final RandomEmbedder inner = new RandomEmbedder(32);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, Boolean> beforeTraining = new ConcurrentHashMap<>();
    volatile boolean training;

    @Override
    public ModelIdentity model() {
      return inner.model();
    }

    @Override
    public List<DocumentVectors> embed(List<SourceDocument> documents) {
      for (SourceDocument d : documents) {
        calls.computeIfAbsent(d.id(), k -> new AtomicInteger()).incrementAndGet();
        if (!training) {
          beforeTraining.put(d.id(), true);
        }
      }
      return inner.embed(documents);
    }

    @Override
    public void onTrainingStart(long sampleTokens, long sampleDocuments, int numCentroids, long estimatedTokens) {
      training = true;
    }
  }

  @Test
  void sampleSpansTheInputAndEveryDocumentIsEncodedOnce() throws Exception {
    List<SourceDocument> docs = Corpora.documents(0, 400);
    CountingEmbedder e = new CountingEmbedder();
    // About a quarter of the corpus' tokens: a stride of about 4.
    BuildOptions o = Indexes.smallOptions().sampleTokens(3000).build();
    BuildSummary s;
    try (DocumentSource src = DocumentSource.of("docs", docs)) {
      s = IndexBuilder.build(tmp.resolve("idx"), src, e, o, e);
    }
    assertEquals(400, s.documentsWritten());
    assertEquals(400, e.calls.size());
    e.calls.forEach((id, n) -> assertEquals(1, n.get(), id + " encoded " + n.get() + " times"));
    long late = e.beforeTraining.keySet().stream().filter(id -> Integer.parseInt(id.substring(1)) >= 300).count();
    assertTrue(late > 0, "the sample reaches the last quarter of the input: " + e.beforeTraining.keySet());
    assertTrue(e.beforeTraining.size() < 200, "a strided sample, not the first documents: " + e.beforeTraining.size());
    try (LatteIndex idx = LatteIndex.open(tmp.resolve("idx"))) {
      long sampled = idx.meta().build().sampleDocuments();
      assertTrue(sampled > 0 && sampled <= e.beforeTraining.size(), sampled + " sampled");
    }
  }

  @Test
  void aSourceReadOnlyOnceIsSampledFromItsStart() throws Exception {
    List<SourceDocument> docs = Corpora.documents(0, 200);
    CountingEmbedder e = new CountingEmbedder();
    Iterator<SourceDocument> it = docs.iterator();
    DocumentSource once = new DocumentSource() {
      @Override public String fingerprint() { return null; }
      @Override public long expectedRecords() { return docs.size(); }
      @Override public boolean hasNext() { return it.hasNext(); }
      @Override public SourceRecord next() { return it.next(); }
      @Override public void close() {}
    };
    BuildSummary s = IndexBuilder.build(tmp.resolve("once"), once, e, Indexes.smallOptions().sampleTokens(1500).build(), e);
    assertEquals(200, s.documentsWritten());
    e.calls.forEach((id, n) -> assertEquals(1, n.get(), id));
    int n = e.beforeTraining.size();
    assertTrue(n < 200, "not the whole input: " + n);
    assertTrue(e.beforeTraining.keySet().stream().allMatch(id -> Integer.parseInt(id.substring(1)) < n),
        "a prefix of the input: " + e.beforeTraining.keySet());
  }

  @Test
  void givenCodebookSkipsSampling() throws Exception {
    List<SourceDocument> docs = Corpora.documents(0, 60);
    Indexes.build(tmp.resolve("a"), "a", docs, new RandomEmbedder(32), Indexes.smallOptions().build());
    Codebook cb;
    try (LatteIndex a = LatteIndex.open(tmp.resolve("a"))) {
      cb = a.codebook();
    }
    CountingEmbedder e = new CountingEmbedder();
    try (DocumentSource src = DocumentSource.of("b", docs)) {
      IndexBuilder.build(tmp.resolve("b"), src, e, Indexes.smallOptions().codebook(cb).build(), e);
    }
    e.calls.forEach((id, n) -> assertEquals(1, n.get(), id));
    assertEquals(60, e.calls.size());
  }
}

package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding in increments, replacing by id and deleting: all visible after commit, nothing else changes. */
class IncrementalTest {

  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(32);

  @Test
  void twoIncrementsEqualOneBuild() throws Exception {
    List<SourceDocument> all = Corpora.documents(0, 240);
    BuildOptions options = Indexes.smallOptions().sampleTokens(1000).commitEveryDocs(50).build();
    Path once = tmp.resolve("once");
    Path twice = tmp.resolve("twice");
    Indexes.build(once, "all", all, embedder, options);
    // The same codebook for the first increment (a new index samples across its own input).
    io.latte.indexer.codebook.Codebook cb;
    try (LatteIndex a = LatteIndex.open(once)) {
      cb = a.codebook();
    }
    BuildSummary first = Indexes.build(twice, "first", all.subList(0, 120), embedder,
        options.toBuilder().codebook(cb).build());
    BuildSummary second = Indexes.build(twice, "second", all.subList(120, 240), embedder,
        BuildOptions.builder().commitEveryDocs(50).batchSize(7).build());
    assertTrue(first.created());
    assertFalse(second.created());
    assertEquals(120, second.documentsWritten());

    assertEquals(IndexFiles.sha256(once.resolve(LatteIndexFormat.CODEBOOK_FILE)),
        IndexFiles.sha256(twice.resolve(LatteIndexFormat.CODEBOOK_FILE)), "same codebook");
    try (LatteIndex a = LatteIndex.open(once); LatteIndex b = LatteIndex.open(twice)) {
      assertEquals(240, a.reader().numDocs());
      assertEquals(240, b.reader().numDocs());
      Map<String, float[]> da = Indexes.decodedById(a);
      Map<String, float[]> db = Indexes.decodedById(b);
      assertEquals(da.keySet(), db.keySet());
      for (String id : da.keySet()) {
        assertArrayEquals(da.get(id), db.get(id), id);
      }
      assertEquals(Indexes.postingsByCentroid(a), Indexes.postingsByCentroid(b));
      // The fit of the creating run is kept; the latest run's fit is its own.
      assertEquals(a.commit().initialFit().tokens(), a.commit().latestFit().tokens());
      assertTrue(b.commit().initialFit().tokens() > 0);
      assertTrue(b.commit().latestFit().tokens() > 0);
      assertTrue(b.commit().initialFit().tokens() + b.commit().latestFit().tokens()
          == a.commit().initialFit().tokens());
    }
  }

  @Test
  void updateReplacesAndDeleteRemovesAfterCommit() throws Exception {
    List<SourceDocument> docs = Corpora.documents(0, 60);
    Indexes.build(tmp, "v1", docs, embedder, Indexes.smallOptions().build());
    try (LatteIndex before = LatteIndex.open(tmp)) {
      SourceDocument changed = Corpora.document(7, "changed");
      List<SourceDocument> update = new ArrayList<>(List.of(changed, Corpora.document(100, "")));
      Indexes.build(tmp, "v2", update, embedder, BuildOptions.defaults());
      // A reader opened earlier still sees its own commit.
      assertEquals(60, before.reader().numDocs());
    }
    try (LatteIndex after = LatteIndex.open(tmp)) {
      assertEquals(61, after.reader().numDocs());
      var ref = after.find("d7").orElseThrow();
      String text = ref.leaf().storedFields().document(ref.doc()).get(LatteIndexFormat.FIELD_TEXT);
      assertTrue(text.startsWith("changed"), text);
      assertEquals(embedder.embed(Corpora.document(7, "changed")).tokenCount(),
          ref.leaf().matrix().tokenCount(ref.doc()));
    }

    DocumentDeleter.Result r = DocumentDeleter.delete(tmp, List.of("d3", "d100", "nope"));
    assertEquals(List.of("d3", "d100"), r.deleted());
    assertEquals(List.of("nope"), r.notFound());
    try (LatteIndex after = LatteIndex.open(tmp)) {
      assertEquals(59, after.reader().numDocs());
      assertTrue(after.find("d3").isEmpty());
      assertTrue(after.find("d100").isEmpty());
      assertTrue(after.find("d4").isPresent());
      assertFalse(Indexes.decodedById(after).containsKey("d3"));
      assertTrue(after.commit().complete(), "delete keeps the run's progress data");
    }
  }
}

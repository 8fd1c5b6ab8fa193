package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.DocCodes;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new index is merged down at the end of its build (token retrieval pays per segment), with the
 * same content and commit data as the unmerged build; adding to an existing index never merges.
 */
class MergeAtEndTest {

  @TempDir Path tmp;

  @Test
  void newIndexIsMergedWithTheSameContentAndCommit() throws Exception {
    RandomEmbedder embedder = new RandomEmbedder(16);
    List<SourceDocument> docs = Corpora.documents(0, 120);
    Path kept = tmp.resolve("kept");
    Path merged = tmp.resolve("merged");
    BuildOptions.Builder o = Indexes.smallOptions().numCentroids(8).commitEveryDocs(30);
    Indexes.build(kept, "c", docs, embedder, o.mergeToSegments(0).build());
    BuildSummary s = Indexes.build(merged, "c", docs, embedder, o.mergeToSegments(1).build());
    assertEquals(docs.size(), s.documentsWritten());

    try (LatteIndex a = LatteIndex.open(kept, embedder.model());
        LatteIndex b = LatteIndex.open(merged, embedder.model());
        var dir = FSDirectory.open(merged);
        CheckIndex check = new CheckIndex(dir)) {
      assertTrue(a.reader().leaves().size() > 1, "the periodic commits made several segments");
      assertEquals(1, b.reader().leaves().size());
      assertTrue(check.checkIndex().clean, "CheckIndex");
      Map<String, DocCodes> ca = Indexes.codesById(a);
      Map<String, DocCodes> cb = Indexes.codesById(b);
      assertEquals(ca.keySet(), cb.keySet());
      for (String id : ca.keySet()) {
        assertArrayEquals(ca.get(id).codes(), cb.get(id).codes(), id);
        assertArrayEquals(ca.get(id).centroids(), cb.get(id).centroids(), id);
      }
      assertEquals(Indexes.postingsByCentroid(a), Indexes.postingsByCentroid(b));
      CommitData da = a.commit();
      CommitData db = b.commit();
      assertTrue(db.complete());
      assertEquals(da.written(), db.written());
      assertEquals(da.through(), db.through());
    }
  }

  @Test
  void addingToAnExistingIndexDoesNotMerge() throws Exception {
    RandomEmbedder embedder = new RandomEmbedder(16);
    BuildOptions.Builder o = Indexes.smallOptions().numCentroids(8).commitEveryDocs(30).mergeToSegments(1);
    Indexes.build(tmp, "v1", Corpora.documents(0, 60), embedder, o.build());
    Indexes.build(tmp, "v2", Corpora.documents(60, 60), embedder, o.build());
    try (LatteIndex index = LatteIndex.open(tmp, embedder.model())) {
      assertEquals(120, index.reader().numDocs());
      assertTrue(index.reader().leaves().size() > 1, "the second run's commits are left to the merge policy");
    }
  }

  @Test
  void negativeTargetIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> BuildOptions.builder().mergeToSegments(-1).build());
    assertTrue(e.getMessage().contains("mergeToSegments"), e.getMessage());
  }
}

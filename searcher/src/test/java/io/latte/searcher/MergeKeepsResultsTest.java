package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.read.IndexCheck;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.DocumentDeleter;
import io.latte.indexer.write.LuceneConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging segments rewrites the token files (Lucene's merge feeds the merged postings, payloads
 * gathered from the old layouts, to the token format's writer): every mode returns the same hits
 * with the same scores before and after, and the merged index passes CheckIndex.
 */
class MergeKeepsResultsTest {
  @TempDir Path dir;

  @Test
  void forceMergeKeepsEveryModesResults() throws Exception {
    BuildOptions options = Indexes.smallOptions().numCentroids(16).commitEveryDocs(30).mergeToSegments(0).build();
    Indexes.build(dir, "merge", Corpora.documents(0, 140), new RandomEmbedder(OracleTest.DIM), options);
    // deleted documents are dropped by the merge: the merged layout's documents are renumbered
    DocumentDeleter.delete(dir, Set.of("d2", "d31", "d77", "d139"));
    List<String> before = results(true);
    try (var d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, LuceneConfig.writerConfig(false, 16))) {
      try (DirectoryReader r = DirectoryReader.open(d)) {
        w.setLiveCommitData(r.getIndexCommit().getUserData().entrySet()); // latte's commit data stays
      }
      w.forceMerge(1);
      w.commit();
    }
    List<String> after = results(false);
    assertEquals(before, after);
    IndexCheck.Result check = IndexCheck.check(dir);
    assertTrue(check.clean(), check.problem());
    assertEquals(1, check.segments());
    assertEquals(136, check.documents(), "deleted documents merged away");
  }

  /** Ids and scores of a few queries in every first-stage mode. */
  private List<String> results(boolean severalSegments) throws Exception {
    List<String> out = new ArrayList<>();
    try (LatteIndex index = LatteIndex.open(dir)) {
      assertEquals(severalSegments, index.reader().leaves().size() > 1, "segments: " + index.reader().leaves().size());
      LatteSearcher searcher = new LatteSearcher(IndexHandle.of(index));
      for (long seed = 0; seed < 4; seed++) {
        QueryVectors q = OracleTest.query(seed);
        for (SearchMode mode : new SearchMode[] {SearchMode.XTR, SearchMode.COLBERT, SearchMode.EXACT}) {
          // XTR imputation (the default) reads no cluster sizes, which still count deleted tokens before
          // the merge and no longer after it
          SearchParams p = SearchParams.defaults().withK(10).withNprobe(4);
          for (Hit h : searcher.search(new SearchRequest("w1 w2", q, mode, null, false, p)).hits()) {
            out.add(seed + " " + mode + " " + h.id() + " " + h.score());
          }
        }
      }
    }
    return out;
  }
}

package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muvera} on a small random index with several segments, deleted documents and one-token
 * documents, against the exhaustive oracle ({@code exact}, itself checked by {@link OracleTest}). The
 * index is built by the real index builder ({@link MuveraTestIndex}).
 */
class MuveraSearchTest {
  static final int DOCS = 300;
  static final TopicEmbedder EMBEDDER = new TopicEmbedder();
  @TempDir static Path dir;
  @TempDir static Path plainDir;
  static LatteIndex index;
  static LatteSearcher searcher;
  static Set<String> deleted;

  @BeforeAll
  static void build() throws Exception {
    List<SourceDocument> docs = new ArrayList<>(TopicEmbedder.documents(DOCS));
    for (int i = 0; i < 5; i++) {
      docs.add(new SourceDocument("one" + i, "", "t" + i + "w" + i, Map.of("venue", "even"), "corpus.jsonl", 1000 + i));
    }
    MuveraTestIndex.build(dir, docs, EMBEDDER, 32, 70, FdeConfig.defaults());
    deleted = Set.of("d3", "d4", "d50", "d51", "d99", "one2");
    DocumentDeleter.delete(dir, deleted);
    index = LatteIndex.open(dir);
    searcher = new LatteSearcher(IndexHandle.of(index));
    assertTrue(index.reader().leaves().size() > 1, "several segments");
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static List<Hit> search(QueryVectors q, SearchMode mode, Query filter, SearchParams p) throws Exception {
    return searcher.search(new SearchRequest("w1 w2", q, mode, filter, true, p)).hits();
  }

  static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  void withEveryDocumentAsCandidateItEqualsExact() throws Exception {
    for (long seed = 0; seed < 5; seed++) {
      QueryVectors q = EMBEDDER.query(seed);
      List<Hit> muvera = search(q, SearchMode.MUVERA, null, SearchParams.defaults().withK(20).withCandidates(DOCS + 10));
      List<Hit> exact = search(q, SearchMode.EXACT, null, SearchParams.defaults().withK(20));
      assertEquals(ids(exact), ids(muvera));
      for (int i = 0; i < exact.size(); i++) {
        assertEquals(exact.get(i).score(), muvera.get(i).score(), 0f, "the same MaxSim scorer");
      }
    }
  }

  /**
   * The candidate stage finds the exact top 10 among few candidates. Measured on this index: 0.94 of
   * the exact top 10 within 30 candidates (of 299 live documents), over 40 queries.
   */
  @Test
  void fewCandidatesHoldMostOfTheExactTopTen() throws Exception {
    double recall = 0;
    int queries = 40;
    for (long seed = 0; seed < queries; seed++) {
      QueryVectors q = EMBEDDER.query(100 + seed);
      Set<String> truth = new HashSet<>(ids(search(q, SearchMode.EXACT, null, SearchParams.defaults().withK(10))));
      List<Hit> muvera = search(q, SearchMode.MUVERA, null, SearchParams.defaults().withK(10).withCandidates(30));
      recall += muvera.stream().filter(h -> truth.contains(h.id())).count() / 10.0;
    }
    recall /= queries;
    assertTrue(recall >= 0.9, "recall " + recall);
  }

  @Test
  void filtersAndDeletesNeverLeak() throws Exception {
    Query even = new FilterParser(index.commit().schema().types()).parse("venue:even AND year:[1995 TO *]");
    for (int candidates : new int[] {5, 40, DOCS + 10}) {
      for (long seed = 0; seed < 5; seed++) {
        QueryVectors q = EMBEDDER.query(200 + seed);
        List<Hit> hits = search(q, SearchMode.MUVERA, even, SearchParams.defaults().withK(10).withCandidates(candidates));
        assertEquals(10, hits.size(), "Lucene fills max(k, candidates) with accepted documents");
        for (Hit h : hits) {
          assertFalse(h.id().startsWith("one"), "no year: filtered out");
          int i = Integer.parseInt(h.id().substring(1));
          assertTrue(i % 2 == 0 && 1990 + i % 30 >= 1995, "filtered-out " + h.id());
          assertFalse(deleted.contains(h.id()), "deleted " + h.id());
        }
        if (candidates > DOCS) {
          List<Hit> exact = search(q, SearchMode.EXACT, even, SearchParams.defaults().withK(10));
          assertEquals(ids(exact), ids(hits));
        }
      }
    }
    for (long seed = 0; seed < 5; seed++) {
      for (Hit h : search(EMBEDDER.query(seed), SearchMode.MUVERA, null,
          SearchParams.defaults().withK(DOCS).withCandidates(DOCS + 10))) {
        assertFalse(deleted.contains(h.id()), "deleted " + h.id());
      }
    }
  }

  @Test
  void explanationsSumToTheScore() throws Exception {
    QueryVectors q = EMBEDDER.query(11);
    for (Hit h : search(q, SearchMode.MUVERA, null, SearchParams.defaults().withK(5).withCandidates(20))) {
      double sum = h.explanation().stream().mapToDouble(TokenMatch::similarity).sum();
      assertEquals(h.score(), sum, 1e-4, h.id());
      assertEquals(q.tokens(), h.explanation().size());
    }
  }

  @Test
  void oneTokenDocumentsAreFound() throws Exception {
    float[] v = io.latte.indexer.testing.Indexes.decodedById(index).get("one0");
    if (index.codebook().projection().isEmpty()) {
      QueryVectors q = new QueryVectors(v.clone(), 1, TopicEmbedder.DIM, new String[] {"q"}, null);
      assertEquals("one0", search(q, SearchMode.MUVERA, null, SearchParams.defaults().withK(1)).get(0).id());
    }
  }

  @Test
  void hybridCanFuseMuvera() throws Exception {
    SearchParams p = SearchParams.defaults().withK(10).withHybridWith(SearchMode.MUVERA);
    assertEquals(10, search(EMBEDDER.query(3), SearchMode.HYBRID, null, p).size());
  }

  @Test
  void anIndexWithoutEncodingsSaysSo() throws Exception {
    MuveraTestIndex.build(plainDir, TopicEmbedder.documents(30), EMBEDDER, 8, 30, null);
    try (LatteIndex plain = LatteIndex.open(plainDir)) {
      LatteSearcher s = new LatteSearcher(IndexHandle.of(plain));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.search(
          new SearchRequest("x", EMBEDDER.query(1), SearchMode.MUVERA, null, false, SearchParams.defaults())));
      assertTrue(e.getMessage().startsWith("mode muvera needs an index built with MUVERA encodings"), e.getMessage());
      // The other modes still work on it.
      assertEquals(10, s.search(new SearchRequest("x", EMBEDDER.query(1), SearchMode.COLBERT, null, false,
          SearchParams.defaults())).hits().size());
    }
  }
}

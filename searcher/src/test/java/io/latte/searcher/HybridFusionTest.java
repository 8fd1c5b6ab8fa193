package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid's default fusion ({@link SearchParams.Fusion#ADAPTIVE}) through the real searcher on a
 * small real index: a half whose ranking separates nothing gets no weight, so the other half's
 * ranking comes through unchanged.
 */
class HybridFusionTest {
  static final int DIM = 16;
  static final int DOCS = 120;
  @TempDir static Path dir;
  static LatteIndex index;
  static LatteSearcher searcher;
  static final RandomEmbedder embedder = new RandomEmbedder(DIM);

  @BeforeAll
  static void build() throws Exception {
    BuildOptions options = Indexes.smallOptions().numCentroids(16).build();
    Indexes.build(dir, "fusion", Corpora.documents(0, DOCS), embedder, options);
    index = LatteIndex.open(dir);
    searcher = new LatteSearcher(IndexHandle.of(index));
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static QueryVectors vectorsOf(String text) {
    DocumentVectors v = embedder.embed(new SourceDocument("q", "", text, java.util.Map.of(), "q", 1));
    int n = Math.min(v.tokenCount(), 8);
    return new QueryVectors(Arrays.copyOf(v.vectors(), n * DIM), n, DIM, Arrays.copyOf(v.tokens(), n), null);
  }

  static List<String> ids(String text, QueryVectors q, SearchMode mode, SearchParams p) throws Exception {
    List<String> out = new ArrayList<>();
    for (Hit h : searcher.search(new SearchRequest(text, q, mode, null, false, p)).hits()) {
      out.add(h.id());
    }
    return out;
  }

  @Test
  void aFlatLateRankingLeavesTheOrderToBm25() throws Exception {
    // All-zero query vectors: every document has MaxSim 0, the late ranking separates nothing.
    QueryVectors zero = new QueryVectors(new float[2 * DIM], 2, DIM, null, null);
    String text = "w7 w42 w150";
    SearchParams p = SearchParams.defaults().withK(10);
    assertEquals(SearchParams.Fusion.ADAPTIVE, p.fusion());
    List<String> bm25 = ids(text, null, SearchMode.BM25, p);
    assertFalse(bm25.isEmpty());
    List<String> hybrid = ids(text, zero, SearchMode.HYBRID, p);
    assertEquals(bm25, hybrid.subList(0, bm25.size()));
    // The fixed blend, by contrast, lets the flat half move BM25's ranking (ties broken by doc id).
    List<String> linear = ids(text, zero, SearchMode.HYBRID, p.withFusion(SearchParams.Fusion.LINEAR));
    assertEquals(10, linear.size());
  }

  @Test
  void noBm25MatchLeavesTheOrderToLateInteraction() throws Exception {
    QueryVectors q = vectorsOf("w3 w77 w201");
    SearchParams p = SearchParams.defaults().withK(10);
    List<String> late = ids("zzz", q, SearchMode.XTR, p);
    assertEquals(late, ids("zzz", q, SearchMode.HYBRID, p)); // BM25 finds nothing for "zzz"
  }

  @Test
  void confidenceIsTheTopsShareOfTheScoreRange() {
    List<ScoredDocs.Entry> ranking = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // 10, 5, 4.9, ..., 3.3: the top stands out
      ranking.add(ScoredDocs.Entry.of(0, 0, i, i == 0 ? 10f : 5f - 0.1f * (i - 1)));
    }
    // (s1 − s10) / (s1 − s_min) = (10 − 4.2) / (10 − 3.2)
    float c = (10 - 4.2f) / (10 - 3.2f);
    assertEquals(c, ResultFusion.confidence(ranking), 1e-5);
    List<ScoredDocs.Entry> flat = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      flat.add(ScoredDocs.Entry.of(0, 0, i, 1f));
    }
    assertEquals(0f, ResultFusion.confidence(flat));
    assertEquals(0f, ResultFusion.confidence(ranking.subList(0, 1)));
    // Weights: all to the informative half; 0.5 when neither is; squared confidences otherwise.
    assertEquals(1f, ResultFusion.lateWeight(ranking, flat));
    assertEquals(0f, ResultFusion.lateWeight(flat, ranking));
    assertEquals(0.5f, ResultFusion.lateWeight(flat, List.of()));
    List<ScoredDocs.Entry> half = new ArrayList<>(); // (2 − 1.1) / (2 − 0.1) ≈ 0.47
    for (int i = 0; i < 20; i++) {
      half.add(ScoredDocs.Entry.of(0, 0, i, 2f - 0.1f * i));
    }
    float h = ResultFusion.confidence(half);
    assertEquals(c * c / (c * c + h * h), ResultFusion.lateWeight(ranking, half), 1e-5);
  }
}

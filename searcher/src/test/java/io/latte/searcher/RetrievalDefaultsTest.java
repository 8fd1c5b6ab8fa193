package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.searcher.RetrievalDefaults.IndexStatistics;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token-retrieval defaults rule: its values, monotonicity, caps, and where the searcher applies it. */
class RetrievalDefaultsTest {
  static final IndexStatistics SCIFACT = new IndexStatistics(1_386_294, 4096, 5183);
  static final IndexStatistics XQUAD_ES = new IndexStatistics(69_143, 1024, 1215);
  static final IndexStatistics NPL = new IndexStatistics(583_000, 2048, 11_429);

  @Test
  void valuesOnTheSharedCollections() {
    // SciFact: the sweep's values (16 / 250) within a few tokens of k'.
    assertEquals(268, RetrievalDefaults.kPrime(SCIFACT)); // one document's worth: ⌈1386294 / 5183⌉
    assertEquals(16, RetrievalDefaults.nprobe(SCIFACT)); // ⌈20 · 268 / 338.4⌉
    assertEquals(200, RetrievalDefaults.candidates(SCIFACT));
    // Spanish sentences: 5 % of the documents; small clusters, so the 5 120-token scan floor decides.
    assertEquals(61, RetrievalDefaults.kPrime(XQUAD_ES)); // ⌈1215 / 20⌉
    assertEquals(76, RetrievalDefaults.nprobe(XQUAD_ES)); // ⌈5120 / 67.5⌉
    // Many short abstracts: 5 % of 11 429 documents.
    assertEquals(572, RetrievalDefaults.kPrime(NPL));
    assertEquals(41, RetrievalDefaults.nprobe(NPL)); // ⌈20 · 572 / 284.7⌉
    assertEquals(214, RetrievalDefaults.candidates(NPL)); // ⌈2 · √11429⌉
  }

  @Test
  void monotoneInCorpusSize() {
    int lastK = 0;
    int lastC = 0;
    for (int docs = 10; docs <= 10_000_000; docs *= 3) {
      long tokens = 100L * docs; // fixed document length
      int centroids = Math.max(1, Integer.highestOneBit((int) (4 * Math.sqrt(tokens))));
      IndexStatistics s = new IndexStatistics(tokens, centroids, docs);
      int k = RetrievalDefaults.kPrime(s);
      int c = RetrievalDefaults.candidates(s);
      assertTrue(k >= lastK, "k' fell at " + docs + " documents");
      assertTrue(c >= lastC, "candidates fell at " + docs + " documents");
      lastK = k;
      lastC = c;
    }
    // More tokens per centroid (same k'): fewer probes find them.
    int a = RetrievalDefaults.nprobe(new IndexStatistics(1_000_000, 4096, 5000), 300);
    int b = RetrievalDefaults.nprobe(new IndexStatistics(1_000_000, 1024, 5000), 300);
    assertTrue(b <= a, a + " vs " + b);
    // A larger k' needs at least as many probes.
    assertTrue(RetrievalDefaults.nprobe(SCIFACT, 1000) >= RetrievalDefaults.nprobe(SCIFACT, 100));
  }

  @Test
  void capsRespected() {
    IndexStatistics tiny = new IndexStatistics(40, 4, 3);
    assertEquals(4, RetrievalDefaults.nprobe(tiny)); // every centroid, not more
    assertEquals(14, RetrievalDefaults.kPrime(tiny)); // ⌈40 / 3⌉ ≤ 40 tokens
    assertEquals(3, RetrievalDefaults.candidates(tiny)); // the documents
    IndexStatistics huge = new IndexStatistics(10_000_000_000L, 65_536, 1_000_000_000);
    assertEquals(SearchParams.MAX_K_PRIME, RetrievalDefaults.kPrime(huge));
    assertTrue(RetrievalDefaults.nprobe(huge) <= 65_536);
    assertEquals(63_246, RetrievalDefaults.candidates(huge)); // ⌈2 · √10^9⌉, under the engine's 100 000
    IndexStatistics empty = new IndexStatistics(0, 1, 0);
    assertEquals(1, RetrievalDefaults.kPrime(empty));
    assertEquals(1, RetrievalDefaults.nprobe(empty));
    assertEquals(1, RetrievalDefaults.candidates(empty));
    assertThrows(IllegalArgumentException.class, () -> new IndexStatistics(10, 0, 1));
  }

  @Test
  void explicitValuesWinAndAreClampedToTheIndex() {
    SearchParams auto = SearchParams.defaults();
    assertEquals(SearchParams.AUTO, auto.nprobe());
    SearchParams r = RetrievalDefaults.resolve(auto, XQUAD_ES);
    assertEquals(76, r.nprobe());
    assertEquals(61, r.kPrime());
    assertEquals(200, r.candidates());
    SearchParams explicit = auto.withNprobe(16).withKPrime(250).withCandidates(300);
    assertEquals(explicit, RetrievalDefaults.resolve(explicit, XQUAD_ES));
    // An explicit k' sets the probes the rule takes for it.
    assertEquals(RetrievalDefaults.nprobe(XQUAD_ES, 500), RetrievalDefaults.resolve(auto.withKPrime(500), XQUAD_ES).nprobe());
    SearchParams big = RetrievalDefaults.resolve(auto.withKPrime(5_000_000).withCandidates(50_000), XQUAD_ES);
    assertEquals(69_143, big.kPrime());
    assertEquals(1215, big.candidates());
    // Users cannot ask for AUTO: their values are 1 or more.
    assertThrows(IllegalArgumentException.class, () -> auto.withNprobe(0));
    assertThrows(IllegalArgumentException.class, () -> auto.withKPrime(0));
    assertThrows(IllegalArgumentException.class, () -> auto.withCandidates(0));
  }

  @Test
  void theSearcherReportsWhatTheRuleChose(@TempDir Path dir) throws Exception {
    int dim = 16;
    RandomEmbedder embedder = new RandomEmbedder(dim);
    Indexes.build(dir, "rule", Corpora.documents(0, 80), embedder, Indexes.smallOptions().numCentroids(8).build());
    try (LatteIndex index = LatteIndex.open(dir)) {
      IndexHandle handle = IndexHandle.of(index);
      LatteSearcher searcher = new LatteSearcher(handle);
      var v = embedder.embed(Corpora.document(900, ""));
      QueryVectors q = new QueryVectors(Arrays.copyOf(v.vectors(), 4 * dim), 4, dim, null, null);
      IndexStatistics stats = IndexStatistics.of(handle);
      assertEquals(80, stats.documents());
      assertEquals(8, stats.centroids());
      SearchResult r = searcher.search(new SearchRequest("w1", q, SearchMode.XTR, null, false, SearchParams.defaults()));
      assertEquals(RetrievalDefaults.resolve(SearchParams.defaults(), stats), r.params());
      assertTrue(r.params().resolved());
      SearchResult e = searcher.search(new SearchRequest("w1", q, SearchMode.XTR, null, false,
          SearchParams.defaults().withNprobe(2).withKPrime(7)));
      assertEquals(2, e.params().nprobe());
      assertEquals(7, e.params().kPrime());
    }
  }
}

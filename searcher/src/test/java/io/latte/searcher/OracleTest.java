package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.MappedEmbedder;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every mode against an exhaustive oracle on a small random index with several segments, deleted
 * documents and one-token documents: the oracle decodes every live document through the index
 * reader (not the searcher's code) and computes MaxSim with plain loops.
 */
class OracleTest {
  static final int DIM = 16;
  static final int DOCS = 150;
  @TempDir static Path dir;
  static LatteIndex index;
  static LatteSearcher searcher;
  static Map<String, float[]> decoded;
  static Set<String> deleted;
  static RandomEmbedder embedder = new RandomEmbedder(DIM);

  /** RandomEmbedder, but documents whose id starts with "one" keep only their word token (no [CLS]/[SEP]). */
  static TokenEmbedder oneTokenEmbedder() {
    return new MappedEmbedder(embedder, v -> v.id().startsWith("one")
        ? new DocumentVectors(v.source(), Arrays.copyOfRange(v.vectors(), DIM, 2 * DIM), 1,
            new String[] {v.tokens()[1]}, new int[] {v.starts()[1]}, new int[] {v.ends()[1]})
        : v);
  }

  @BeforeAll
  static void build() throws Exception {
    buildIndex(true);
  }

  /** Builds the oracle index; {@code tokenScale}: its codebook stores a scale byte per token (the default). */
  static void buildIndex(boolean tokenScale) throws Exception {
    List<SourceDocument> docs = new ArrayList<>(Corpora.documents(0, DOCS));
    for (int i = 0; i < 5; i++) {
      docs.add(new SourceDocument("one" + i, "", "w" + (i * 37), Map.of("venue", "even"), "corpus.jsonl", 1000 + i));
    }
    BuildOptions options =
        Indexes.smallOptions().numCentroids(16).commitEveryDocs(25).tokenScale(tokenScale).build();
    // its own folder: a subclass's @BeforeAll runs after this class's (both may run)
    Path where = dir.resolve(tokenScale ? "scaled" : "raw");
    Indexes.build(where, "oracle", docs, oneTokenEmbedder(), options);
    deleted = Set.of("d3", "d4", "d50", "d51", "d99", "one2");
    DocumentDeleter.delete(where, deleted);
    if (index != null) {
      index.close();
    }
    index = LatteIndex.open(where);
    searcher = new LatteSearcher(IndexHandle.of(index));
    decoded = Indexes.decodedById(index);
    assertTrue(index.reader().leaves().size() > 1, "several segments");
    assertEquals(tokenScale, index.codebook().storesScale(), "token scales as asked");
  }

  @AfterAll
  static void close() throws Exception {
    index.close();
  }

  static QueryVectors query(long seed) {
    SourceDocument q = Corpora.document((int) (5000 + seed), "");
    DocumentVectors v = embedder.embed(q);
    int n = Math.min(v.tokenCount(), 8);
    return new QueryVectors(Arrays.copyOf(v.vectors(), n * DIM), n, DIM, Arrays.copyOf(v.tokens(), n), null);
  }

  /** id → exact MaxSim over decoded vectors, plain loops. */
  static Map<String, Float> oracle(QueryVectors q, java.util.function.Predicate<String> keep) {
    var cb = index.codebook();
    int dim = cb.dim();
    float[][] pq = new float[q.tokens()][];
    for (int i = 0; i < q.tokens(); i++) {
      pq[i] = cb.project(Arrays.copyOfRange(q.flat(), i * q.dim(), (i + 1) * q.dim()));
    }
    Map<String, Float> out = new java.util.HashMap<>();
    decoded.forEach((id, m) -> {
      if (!keep.test(id)) {
        return;
      }
      float total = 0;
      for (float[] qi : pq) {
        float best = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < m.length / dim; t++) {
          float s = 0;
          for (int d = 0; d < dim; d++) {
            s += qi[d] * m[t * dim + d];
          }
          best = Math.max(best, s);
        }
        total += best;
      }
      out.put(id, total);
    });
    return out;
  }

  static List<String> topIds(Map<String, Float> scores, int k) {
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Float>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(k).map(Map.Entry::getKey).collect(Collectors.toList());
  }

  static SearchResult search(QueryVectors q, SearchMode mode, Query filter, SearchParams p) throws Exception {
    return searcher.search(new SearchRequest("w1 w2 w3", q, mode, filter, true, p));
  }

  static SearchParams everything(int k) {
    return SearchParams.defaults().withK(k).withNprobe(index.codebook().numCentroids()).withKPrime(10_000_000)
        .withCandidates(DOCS + 10);
  }

  static void assertSameRanking(Map<String, Float> oracle, List<Hit> hits, float tolerance) {
    List<String> expected = topIds(oracle, hits.size());
    assertEquals(Math.min(oracle.size(), hits.size()), hits.size());
    for (int r = 0; r < hits.size(); r++) {
      Hit h = hits.get(r);
      float truth = oracle.get(h.id());
      assertEquals(truth, h.score(), tolerance, "score of " + h.id());
      // Ids may only differ where the oracle's scores tie within the tolerance.
      if (!h.id().equals(expected.get(r))) {
        assertEquals(oracle.get(expected.get(r)), truth, 2 * tolerance, "rank " + (r + 1));
      }
    }
  }

  @Test
  void exactEqualsOracle() throws Exception {
    for (long seed = 0; seed < 5; seed++) {
      QueryVectors q = query(seed);
      SearchResult r = search(q, SearchMode.EXACT, null, SearchParams.defaults().withK(20));
      assertSameRanking(oracle(q, id -> true), r.hits(), 1e-4f);
    }
  }

  @Test
  void colbertWithEveryClusterProbedEqualsExact() throws Exception {
    for (long seed = 0; seed < 5; seed++) {
      QueryVectors q = query(seed);
      List<Hit> colbert = search(q, SearchMode.COLBERT, null, everything(20)).hits();
      List<Hit> exact = search(q, SearchMode.EXACT, null, SearchParams.defaults().withK(20)).hits();
      assertEquals(exact.stream().map(Hit::id).toList(), colbert.stream().map(Hit::id).toList());
      for (int i = 0; i < exact.size(); i++) {
        assertEquals(exact.get(i).score(), colbert.get(i).score(), 0f, "bit-identical scores");
      }
    }
  }

  @Test
  void xtrWithEveryTokenRetrievedEqualsExactMaxSim() throws Exception {
    for (long seed = 0; seed < 5; seed++) {
      QueryVectors q = query(seed);
      List<Hit> xtr = search(q, SearchMode.XTR, null, everything(DOCS)).hits();
      // Lookup-table scoring and decode-then-dot round differently: tolerance, not equality.
      assertSameRanking(oracle(q, id -> true), xtr, 2e-4f);
      for (Hit h : xtr) {
        assertFalse(h.explanation().stream().anyMatch(TokenMatch::imputed), "nothing imputed when all is probed");
      }
    }
  }

  /**
   * XTR itself, brute force: with every cluster probed, query token {@code q} retrieves the k' live
   * tokens most similar to it, and a document it retrieved nothing from gets the k'-th similarity
   * {@code m_q}. A document's best token is retrieved exactly when it reaches {@code m_q}, so its XTR
   * score is {@code Σ_q max(maxsim_q(doc), m_q)}: computed here from the decoded vectors, sorting
   * every token's similarity.
   *
   * <p>The searcher picks the k' by its 8-bit tables, each similarity off by at most {@code E_q}
   * ({@link io.latte.searcher.xtr.QueryTables#errorBound}), so its k'-th value is within {@code E_q}
   * of {@code m_q} and each query token's term within {@code 2 E_q} of the oracle's (times the
   * largest token scale when the codebook stores scales): that is the tolerance,
   * per document, not a fudge factor.
   */
  @Test
  void xtrWithEveryClusterProbedEqualsBruteForceXtr() throws Exception {
    var cb = index.codebook();
    int dim = cb.dim();
    int tokens = decoded.values().stream().mapToInt(m -> m.length / dim).sum();
    for (int kPrime : new int[] {1, 7, 40, 300, tokens}) {
      for (long seed = 0; seed < 4; seed++) {
        QueryVectors q = query(seed);
        float[] projected = new float[q.tokens() * dim];
        for (int i = 0; i < q.tokens(); i++) {
          System.arraycopy(cb.project(Arrays.copyOfRange(q.flat(), i * q.dim(), (i + 1) * q.dim())), 0, projected,
              i * dim, dim);
        }
        var tables = io.latte.searcher.xtr.QueryTables.build(cb.quantizer(), projected, q.tokens());
        float tolerance = 2e-4f;
        for (int i = 0; i < q.tokens(); i++) {
          // a scaled similarity (token scales) carries the table error times its scale
          tolerance += 2 * tables.errorBound(i) * cb.maxScale();
        }
        Map<String, Float> oracle = bruteForceXtr(projected, q.tokens(), kPrime);
        SearchParams p = SearchParams.defaults().withK(20).withNprobe(cb.numCentroids()).withKPrime(kPrime);
        List<Hit> xtr = search(q, SearchMode.XTR, null, p).hits();
        assertEquals(20, xtr.size());
        if (kPrime == tokens) {
          tolerance = 2e-4f; // everything retrieved: nothing near a cut, scores are exact MaxSim
        }
        assertSameRanking(oracle, xtr, tolerance);
      }
    }
  }

  /** id → Σ_q max(best similarity in the document, k'-th best similarity over all live tokens). */
  static Map<String, Float> bruteForceXtr(float[] projected, int nq, int kPrime) {
    int dim = index.codebook().dim();
    Map<String, float[]> best = new java.util.HashMap<>();
    float[][] all = new float[nq][];
    int tokens = decoded.values().stream().mapToInt(m -> m.length / dim).sum();
    for (int q = 0; q < nq; q++) {
      all[q] = new float[tokens];
    }
    int[] next = new int[1];
    decoded.forEach((id, m) -> {
      float[] b = new float[nq];
      Arrays.fill(b, Float.NEGATIVE_INFINITY);
      for (int t = 0; t < m.length / dim; t++) {
        for (int q = 0; q < nq; q++) {
          float s = 0;
          for (int d = 0; d < dim; d++) {
            s += projected[q * dim + d] * m[t * dim + d];
          }
          b[q] = Math.max(b[q], s);
          all[q][next[0]] = s;
        }
        next[0]++;
      }
      best.put(id, b);
    });
    float[] kth = new float[nq];
    for (int q = 0; q < nq; q++) {
      Arrays.sort(all[q]);
      kth[q] = all[q][tokens - Math.min(kPrime, tokens)];
    }
    Map<String, Float> out = new java.util.HashMap<>();
    best.forEach((id, b) -> {
      float total = 0;
      for (int q = 0; q < nq; q++) {
        total += Math.max(b[q], kth[q]);
      }
      out.put(id, total);
    });
    return out;
  }

  @Test
  void explanationsSumToTheScore() throws Exception {
    QueryVectors q = query(11);
    for (SearchMode mode : List.of(SearchMode.XTR, SearchMode.COLBERT, SearchMode.EXACT)) {
      SearchParams p = SearchParams.defaults().withK(5).withNprobe(2).withKPrime(20);
      for (Hit h : search(q, mode, null, p).hits()) {
        double sum = h.explanation().stream().mapToDouble(TokenMatch::similarity).sum();
        assertEquals(h.score(), sum, 1e-4, mode + " " + h.id());
        assertEquals(q.tokens(), h.explanation().size());
        for (TokenMatch m : h.explanation()) {
          if (!m.imputed() && m.start() >= 0) {
            String text = index.searcher().storedFields().document(h.luceneDoc()).get("title") + " "
                + index.searcher().storedFields().document(h.luceneDoc()).get("text");
            assertEquals(m.docText(), text.strip().substring(m.start(), m.end()), "offsets point at the token");
          }
        }
      }
      if (mode == SearchMode.XTR) {
        assertTrue(search(q, mode, null, p).hits().stream()
            .anyMatch(h -> h.explanation().stream().anyMatch(TokenMatch::imputed)), "narrow probing imputes");
      }
    }
  }

  @Test
  void filtersAndDeletesNeverLeak() throws Exception {
    Query even = new FilterParser(index.commit().schema().types()).parse("venue:even AND year:[1995 TO *]");
    java.util.function.Predicate<String> keep = id -> {
      if (id.startsWith("one")) {
        return false; // no year
      }
      int i = Integer.parseInt(id.substring(1));
      return i % 2 == 0 && 1990 + i % 30 >= 1995;
    };
    Random rnd = new Random(5);
    for (SearchMode mode : SearchMode.values()) {
      QueryVectors q = query(rnd.nextInt(1000));
      SearchParams p = mode == SearchMode.EXACT ? SearchParams.defaults().withK(DOCS) : everything(DOCS);
      List<Hit> hits = search(q, mode, even, p).hits();
      assertFalse(hits.isEmpty(), mode.label());
      for (Hit h : hits) {
        assertTrue(keep.test(h.id()), mode + " returned filtered-out " + h.id());
        assertFalse(deleted.contains(h.id()), mode + " returned deleted " + h.id());
      }
      if (mode == SearchMode.EXACT || mode == SearchMode.COLBERT) {
        assertSameRanking(oracle(q, keep), hits, 1e-4f);
      }
    }
    for (SearchMode mode : SearchMode.values()) {
      for (Hit h : search(query(3), mode, null, everything(DOCS + 10)).hits()) {
        assertFalse(deleted.contains(h.id()), mode + " returned deleted " + h.id());
      }
    }
  }

  @Test
  void oneTokenDocumentsAreFound() throws Exception {
    String target = "one0";
    float[] v = decoded.get(target);
    var cb = index.codebook();
    assertEquals(cb.dim(), v.length, "one token");
    // A query equal to that document's token (when there is no projection).
    if (cb.projection().isEmpty()) {
      QueryVectors q = new QueryVectors(v.clone(), 1, DIM, new String[] {"q"}, null);
      assertEquals(target, search(q, SearchMode.EXACT, null, SearchParams.defaults().withK(1)).hits().get(0).id());
      assertEquals(target, search(q, SearchMode.XTR, null, SearchParams.defaults().withK(1)).hits().get(0).id());
    }
  }
}

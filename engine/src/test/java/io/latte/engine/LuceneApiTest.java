package io.latte.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.read.DocIds;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.input.SourceDocument;
import io.latte.models.EncodedText;
import io.latte.models.EncoderOptions;
import io.latte.searcher.Hit;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import io.latte.searcher.SearchResult;
import io.latte.searcher.lucene.ColbertQuery;
import io.latte.searcher.lucene.MaxSimRescorer;
import io.latte.searcher.lucene.MuveraQuery;
import io.latte.searcher.lucene.XtrQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lucene-only program ({@link UseLatteFromJava}, the README's) against {@code latte search}
 * ({@link SearchEngine}, what the CLI runs) on the bundled sample collection encoded with the real
 * embedded model: the same codebook, the same vectors, two indexes written by different writers.
 *
 * <p>The latte index is built with exact centroid assignment ({@code assignProbes 0}), which is what
 * {@code LateInteractionTokensField.create(vectors, codebook)} does; latte's default two-level
 * search would put a few tokens in a neighbouring cluster and the indexes would legitimately differ.
 */
class LuceneApiTest {
  private static final Path SAMPLE = Path.of("..", "eval", "src", "main", "resources", "sample");

  @TempDir static Path tmp;
  static SearchEngine engine;
  static Directory plainDir;
  static DirectoryReader plain;
  static Codebook codebook;
  static Map<String, String> topics = new HashMap<>();
  static List<String> queries = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    List<SourceDocument> docs = new ArrayList<>();
    try (DocumentSource src = CorpusFile.open(CorpusFile.resolve(SAMPLE))) {
      src.forEachRemaining(r -> docs.add((SourceDocument) r));
    }
    // Encoded once (the slow part), then written twice: by latte's builder and by the program.
    Map<String, DocumentVectors> encoded = new HashMap<>();
    ModelIdentity model;
    try (var encoder = io.latte.models.Encoders.open(io.latte.models.Encoders.DEFAULT_MODEL)) {
      EncoderEmbedder embedder = new EncoderEmbedder(encoder);
      model = embedder.model();
      embedder.embed(docs).forEach(v -> encoded.put(v.source().id(), v));
    }
    Path latteDir = tmp.resolve("latte");
    TokenEmbedder precomputed = TokenEmbedder.replaying(model, d -> encoded.get(d.id()));
    try (DocumentSource src = CorpusFile.open(CorpusFile.resolve(SAMPLE))) {
      IndexBuilder.build(latteDir, src, precomputed, BuildOptions.builder().assignProbes(0).build(), null);
    }
    engine = SearchEngine.open(latteDir, null, EncoderOptions.defaults());
    codebook = engine.index().codebook();

    Map<String, float[][]> vectors = new LinkedHashMap<>();
    for (SourceDocument d : docs) {
      vectors.put(d.id(), rows(encoded.get(d.id())));
      topics.put(d.id(), (String) d.metadata().get("topic"));
    }
    plainDir = FSDirectory.open(Files.createDirectories(tmp.resolve("plain")));
    UseLatteFromJava.index(plainDir, codebook, vectors, topics);
    plain = DirectoryReader.open(plainDir);

    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(SAMPLE.resolve("queries.jsonl"))) {
      if (!line.isBlank()) {
        queries.add(json.readTree(line).get("text").asText());
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    plain.close();
    plainDir.close();
    engine.close();
  }

  @Test
  void readmeProgramReturnsLatteSearchsTop10() throws IOException {
    IndexSearcher searcher = new IndexSearcher(plain);
    for (String q : queries) {
      String topic = topicOfBestHit(q);
      float[][] vectors = engine.encoder().encodeQuery(q).vectors();
      List<Hit> program = hits(UseLatteFromJava.search(searcher, codebook, vectors, topic));

      // latte search: xtr's top 100 of the topic, re-scored by exact MaxSim (exact mode's scores).
      String filter = "topic:\"" + topic + "\"";
      List<Hit> xtr100 = latte(q, SearchMode.XTR, filter, 100);
      Map<String, Float> exact = scoresById(latte(q, SearchMode.EXACT, filter, 10_000));
      List<Hit> expected = new ArrayList<>();
      for (Hit h : xtr100) {
        expected.add(new Hit(h.id(), exact.get(h.id()), -1, null));
      }
      expected.sort(Comparator.comparingDouble((Hit h) -> -h.score()).thenComparing(Hit::id));
      expected = expected.subList(0, Math.min(10, expected.size()));
      assertFalse(program.isEmpty(), q);
      assertEquals(idsAndScores(expected), idsAndScores(program), q);
    }
  }

  @Test
  void xtrQueryInABooleanQueryEqualsXtrMode() throws IOException {
    IndexSearcher searcher = new IndexSearcher(plain);
    for (String q : queries) {
      float[][] vectors = engine.encoder().encodeQuery(q).vectors();
      assertEquals(idsAndScores(latte(q, SearchMode.XTR, null, 10)),
          idsAndScores(hits(searcher.search(new XtrQuery(vectors, codebook, 10, null), 10))), q);
      String topic = topicOfBestHit(q);
      Query filter = new TermQuery(new Term("topic", topic));
      Query bq = new BooleanQuery.Builder()
          .add(new XtrQuery(vectors, codebook, 10, filter), BooleanClause.Occur.MUST)
          .add(filter, BooleanClause.Occur.FILTER)
          .build();
      assertEquals(idsAndScores(latte(q, SearchMode.XTR, "topic:\"" + topic + "\"", 10)),
          idsAndScores(hits(searcher.search(bq, 10))), q + " / " + topic);
    }
  }

  @Test
  void colbertQueryEqualsColbertMode() throws IOException {
    IndexSearcher searcher = new IndexSearcher(plain);
    for (String q : queries) {
      float[][] vectors = engine.encoder().encodeQuery(q).vectors();
      assertEquals(idsAndScores(latte(q, SearchMode.COLBERT, null, 10)), idsAndScores(hits(searcher.search(
          new ColbertQuery(vectors, codebook, 10, null, SearchParams.defaults()), 10))), q);
      String topic = topicOfBestHit(q);
      Query filter = new TermQuery(new Term("topic", topic));
      assertEquals(idsAndScores(latte(q, SearchMode.COLBERT, "topic:\"" + topic + "\"", 10)), idsAndScores(hits(
          searcher.search(new ColbertQuery(vectors, codebook, 10, filter, SearchParams.defaults()), 10))), q + " / " + topic);
    }
  }

  @Test
  void rescoringEveryFilteredDocumentEqualsExactMode() throws IOException {
    IndexSearcher searcher = new IndexSearcher(plain);
    for (String q : queries.subList(0, 4)) {
      String topic = topicOfBestHit(q);
      float[][] vectors = engine.encoder().encodeQuery(q).vectors();
      Query all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
          .add(new TermQuery(new Term("topic", topic)), BooleanClause.Occur.FILTER).build();
      TopDocs everyOne = searcher.search(all, plain.maxDoc());
      TopDocs top = new MaxSimRescorer(vectors, null, codebook).rescore(searcher, everyOne, 10);
      assertEquals(idsAndScores(latte(q, SearchMode.EXACT, "topic:\"" + topic + "\"", 10)), idsAndScores(hits(top)), q);
    }
  }

  @Test
  void muveraQueryThenRescorerEqualsMuveraMode() throws IOException {
    // The plain index has no MUVERA field; latte's own index has (the default), and is a Lucene index.
    IndexSearcher searcher = new IndexSearcher(engine.index().reader());
    int candidates = io.latte.searcher.RetrievalDefaults.resolve(SearchParams.defaults(), engine.searcher().index())
        .candidates(); // what muvera mode uses on this index
    for (String q : queries.subList(0, 4)) {
      float[][] vectors = engine.encoder().encodeQuery(q).vectors();
      TopDocs firstPass =
          searcher.search(MuveraQuery.create(engine.index().reader(), codebook, vectors, candidates, null), candidates);
      TopDocs top = new MaxSimRescorer(vectors, null, codebook).rescore(searcher, firstPass, 10);
      List<String> got = new ArrayList<>();
      for (ScoreDoc sd : top.scoreDocs) {
        var leaves = engine.index().reader().leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves));
        got.add(DocIds.id(leaf.reader(), sd.doc - leaf.docBase) + "=" + sd.score);
      }
      assertEquals(idsAndScores(latte(q, SearchMode.MUVERA, null, 10)), got, q);
    }
  }

  @Test
  void explanationListsEveryQueryTokensBestMatch() throws IOException {
    IndexSearcher searcher = new IndexSearcher(plain);
    EncodedText q = engine.encoder().encodeQuery(queries.get(0));
    MaxSimRescorer rescorer = new MaxSimRescorer(q.vectors(), q.tokens(), codebook);
    TopDocs top = rescorer.rescore(searcher, searcher.search(new XtrQuery(q.vectors(), codebook, 20, null), 20), 5);
    ScoreDoc best = top.scoreDocs[0];
    Explanation e = rescorer.explain(searcher, searcher.explain(new MatchAllDocsQuery(), best.doc), best.doc);
    assertEquals(best.score, e.getValue().floatValue(), 1e-4f);
    Explanation[] details = e.getDetails();
    assertEquals(q.length() + 1, details.length); // one per query token, then the first pass
    for (int t = 0; t < q.length(); t++) {
      assertTrue(details[t].getDescription().contains("'" + q.tokens()[t] + "' best matches doc token #"),
          details[t].getDescription());
    }
  }

  @Test
  void xtrQueryIsAWellBehavedQuery() throws IOException {
    float[][] v = engine.encoder().encodeQuery(queries.get(0)).vectors();
    float[][] w = engine.encoder().encodeQuery(queries.get(1)).vectors();
    Query filter = new TermQuery(new Term("topic", "chess"));
    XtrQuery a = new XtrQuery(v, codebook, 10, filter);
    assertEquals(a, new XtrQuery(v, codebook, 10, new TermQuery(new Term("topic", "chess"))));
    assertEquals(a.hashCode(), new XtrQuery(v, codebook, 10, new TermQuery(new Term("topic", "chess"))).hashCode());
    assertNotEquals(a, new XtrQuery(w, codebook, 10, filter));
    assertNotEquals(a, new XtrQuery(v, codebook, 11, filter));
    assertNotEquals(a, new XtrQuery(v, codebook, 10, null));
    assertTrue(a.toString().contains("k=10") && a.toString().contains("topic:chess"), a.toString());
    List<Query> visited = new ArrayList<>();
    a.visit(new org.apache.lucene.search.QueryVisitor() {
      @Override
      public void visitLeaf(Query q) {
        visited.add(q);
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        visited.add(q);
      }
    });
    assertEquals(List.of(a, filter), visited);
    // Rewritten for one reader, it refuses another (its doc ids are that reader's).
    Query rewritten = new IndexSearcher(plain).rewrite(a);
    try (DirectoryReader other = DirectoryReader.open(plainDir)) {
      assertThrows(IllegalStateException.class, () -> new IndexSearcher(other).search(rewritten, 10));
    }
    assertThrows(IllegalArgumentException.class, () -> new XtrQuery(new float[][] {{1f, 2f}}, codebook, 10, null));
  }

  private static float[][] rows(DocumentVectors v) {
    int dim = v.vectors().length / v.tokenCount();
    float[][] out = new float[v.tokenCount()][];
    for (int t = 0; t < out.length; t++) {
      out[t] = java.util.Arrays.copyOfRange(v.vectors(), t * dim, (t + 1) * dim);
    }
    return out;
  }

  private static String topicOfBestHit(String q) throws IOException {
    String id = latte(q, SearchMode.XTR, null, 1).get(0).id();
    return topics.get(id);
  }

  private static List<Hit> latte(String q, SearchMode mode, String filter, int k) throws IOException {
    SearchResult r = engine.search(q, mode, filter, false, SearchParams.defaults().withK(k));
    return r.hits();
  }

  private static List<Hit> hits(TopDocs top) throws IOException {
    List<Hit> out = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new Hit(plain.storedFields().document(sd.doc).get("id"), sd.score, sd.doc, null));
    }
    return out;
  }

  private static Map<String, Float> scoresById(List<Hit> hits) {
    Map<String, Float> m = new HashMap<>();
    hits.forEach(h -> m.put(h.id(), h.score()));
    return m;
  }

  private static List<String> idsAndScores(List<Hit> hits) {
    return hits.stream().map(h -> h.id() + "=" + h.score()).toList();
  }
}

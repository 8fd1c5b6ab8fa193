package io.latte.eval.baseline;

import io.latte.eval.beir.BeirDocument;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.harness.TempFolders;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.eval.metrics.TrecOrder;
import io.latte.indexer.analysis.Bm25Languages;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LateInteractionField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LateInteractionRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * What a Lucene user builds today for late interaction: a text field for BM25 and Lucene 10.3's own
 * {@link LateInteractionField} (every token's float32 vector in binary doc values), BM25's top
 * {@value #FIRST_PASS} re-ranked by {@link LateInteractionRescorer} (sum of MaxSim). The peer
 * {@code latte bench} prints next to latte's modes ({@code lucene-lif}).
 *
 * <p>Built in a temporary folder (memory-mapped, deleted on close) from the float vectors of the
 * encoded corpus, so it sees exactly the vectors latte's index compressed. Dot product similarity:
 * Lucene maps it to {@code (1 + dot) / 2} per token, a monotone transform of MaxSim's sum, so the
 * ranking is MaxSim's.
 */
public final class LuceneLateInteraction implements Closeable {
  /** BM25 candidates re-ranked per query. */
  public static final int FIRST_PASS = 1000;

  static final String ID = "id";
  static final String BODY = "body";
  static final String VECTORS = "lif";

  private final Path dir;
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final long vectorBytes;
  private final long tokens;

  /**
   * @param documents the corpus text, in any order; each must have vectors in {@code corpus}
   * @param language the BM25 analyzer ({@link Bm25Languages} code), the latte index's
   */
  public LuceneLateInteraction(Iterator<BeirDocument> documents, EncodedCorpus corpus, String language)
      throws IOException {
    this.analyzer = Bm25Languages.analyzer(language);
    this.dir = Files.createTempDirectory("latte-lucene-lif");
    this.directory = FSDirectory.open(dir);
    BM25Similarity similarity = new BM25Similarity(0.9f, 0.4f);
    long bytes = 0;
    long count = 0;
    try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(analyzer).setSimilarity(similarity))) {
      while (documents.hasNext()) {
        BeirDocument d = documents.next();
        int ord = corpus.ordinal(d.id());
        if (ord < 0) {
          continue;
        }
        float[][] v = rows(corpus.tokens(ord), corpus.dim());
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(BODY, d.fullText(), Field.Store.NO));
        doc.add(new LateInteractionField(VECTORS, v));
        bytes += LateInteractionField.encode(v).length;
        count += v.length;
        w.addDocument(doc);
      }
      w.forceMerge(1);
    }
    this.vectorBytes = bytes;
    this.tokens = count;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(similarity);
  }

  /** Bytes of the late-interaction field's values per token ({@code 4 · dim} plus the value's header). */
  public double bytesPerToken() {
    return tokens == 0 ? 0 : (double) vectorBytes / tokens;
  }

  /** BM25 top {@value #FIRST_PASS}, re-ranked by MaxSim over the float vectors. */
  public ModeRunner runner(QuerySet queries) {
    return (q, depth) -> {
      TopDocs first = searcher.search(bm25(queries.text(q)), FIRST_PASS);
      List<ScoredDoc> out = new ArrayList<>();
      if (first.scoreDocs.length == 0) {
        return out;
      }
      LateInteractionRescorer rescorer = LateInteractionRescorer.create(VECTORS, queries.encoded(q).vectors(),
          VectorSimilarityFunction.DOT_PRODUCT);
      TopDocs top = rescorer.rescore(searcher, first, depth);
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        out.add(new ScoredDoc(stored.document(sd.doc).get(ID), sd.score));
      }
      out.sort(TrecOrder.COMPARATOR);
      return out;
    };
  }

  private BooleanQuery bm25(String text) throws IOException {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int clauses = 0;
    try (TokenStream ts = analyzer.tokenStream(BODY, text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && clauses < IndexSearcher.getMaxClauseCount()) {
        b.add(new TermQuery(new Term(BODY, t.toString())), BooleanClause.Occur.SHOULD);
        clauses++;
      }
      ts.end();
    }
    return b.build();
  }

  private static float[][] rows(float[] flat, int dim) {
    float[][] out = new float[flat.length / dim][];
    for (int i = 0; i < out.length; i++) {
      out[i] = java.util.Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
      directory.close();
    } finally {
      TempFolders.deleteTree(dir);
    }
  }
}

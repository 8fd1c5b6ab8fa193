package io.latte.eval.baseline;

import io.latte.eval.encode.IdText;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.eval.metrics.TrecOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import io.latte.indexer.analysis.Bm25Languages;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * BM25 over title + text in an in-memory Lucene index, with Anserini's BEIR settings (English
 * analyzer with Porter stemming and stop words, k1 = 0.9, b = 0.4) so that the number is comparable
 * with the published flat BM25 baseline; another language's analyzer ({@link Bm25Languages}) on
 * request.
 */
public final class Bm25Baseline implements AutoCloseable {
  static final String ID = "id";
  static final String BODY = "body";

  private final Analyzer analyzer;
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  /** English, as Anserini's baseline. */
  public Bm25Baseline(Iterator<IdText> documents) throws IOException {
    this(documents, Bm25Languages.DEFAULT);
  }

  /**
   * @param language a {@link Bm25Languages} code
   * @throws IllegalArgumentException for an unknown code
   */
  public Bm25Baseline(Iterator<IdText> documents, String language) throws IOException {
    analyzer = Bm25Languages.analyzer(language);
    BM25Similarity similarity = new BM25Similarity(0.9f, 0.4f);
    IndexWriterConfig config = new IndexWriterConfig(analyzer).setSimilarity(similarity);
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      while (documents.hasNext()) {
        IdText d = documents.next();
        Document doc = new Document();
        doc.add(new StringField(ID, d.id(), Field.Store.YES));
        doc.add(new TextField(BODY, d.text(), Field.Store.NO));
        writer.addDocument(doc);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(similarity);
  }

  public List<ScoredDoc> search(String query, int k) throws IOException {
    BooleanQuery.Builder bq = new BooleanQuery.Builder();
    try (TokenStream ts = analyzer.tokenStream(BODY, query)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        bq.add(new TermQuery(new Term(BODY, term.toString())), BooleanClause.Occur.SHOULD);
      }
      ts.end();
    }
    BooleanQuery q = bq.build();
    List<ScoredDoc> out = new ArrayList<>();
    if (q.clauses().isEmpty()) {
      return out;
    }
    TopDocs top = searcher.search(q, k);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new ScoredDoc(stored.document(sd.doc).get(ID), sd.score));
    }
    out.sort(TrecOrder.COMPARATOR);
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close(); // the analyzer is shared (Bm25Languages): not closed here
  }
}

package io.latte.engine;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.LateInteractionTokensField;
import io.latte.indexer.write.LuceneConfig;
import io.latte.searcher.lucene.MaxSimRescorer;
import io.latte.searcher.lucene.XtrQuery;
import java.io.IOException;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;

/**
 * The program of the README's "Use latte from Java" section, verbatim between the markers
 * ({@link ReadmeSnippetTest} checks that the README shows exactly these lines, {@link LuceneApiTest}
 * runs them). Only Lucene and latte's Lucene parts: no latte index directory, no LatteSearcher.
 */
final class UseLatteFromJava {
  private UseLatteFromJava() {}

  // README:begin
  /** Writes documents (id → token vectors, id → topic) with a plain Lucene IndexWriter. */
  static void index(Directory directory, Codebook codebook, Map<String, float[][]> vectors,
      Map<String, String> topics) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, LuceneConfig.writerConfig(true, 64))) {
      for (var e : vectors.entrySet()) {
        Document doc = new Document();
        doc.add(new StringField("id", e.getKey(), Field.Store.YES));
        doc.add(new StringField("topic", topics.get(e.getKey()), Field.Store.NO));
        // The token vectors, compressed with the codebook: centroid terms + residual codes.
        LateInteractionTokensField.create(e.getValue(), codebook).forEach(doc::add);
        writer.addDocument(doc);
      }
      writer.commit();
    }
  }

  /** XTR's top 100 of one topic, in a BooleanQuery; the best 10 of them by exact MaxSim. */
  static TopDocs search(IndexSearcher searcher, Codebook codebook, float[][] queryVectors, String topic)
      throws IOException {
    Query filter = new TermQuery(new Term("topic", topic));
    Query query = new BooleanQuery.Builder()
        .add(new XtrQuery(queryVectors, codebook, 100, filter), BooleanClause.Occur.MUST) // top 100 among the topic
        .add(filter, BooleanClause.Occur.FILTER)
        .build();
    TopDocs firstPass = searcher.search(query, 100);
    return new MaxSimRescorer(queryVectors, null, codebook).rescore(searcher, firstPass, 10);
  }
  // README:end
}

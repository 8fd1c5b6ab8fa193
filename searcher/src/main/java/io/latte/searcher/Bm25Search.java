package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * BM25 over the index's title + text field: a bag-of-words query of the terms analysed in the
 * index's language, (the first
 * {@link IndexSearcher#getMaxClauseCount()} of a very long query), plus the filter.
 */
final class Bm25Search {
  private Bm25Search() {}

  static List<ScoredDocs.Entry> search(IndexHandle index, String text, Query filter, int k) throws IOException {
    BooleanQuery.Builder terms = new BooleanQuery.Builder();
    int clauses = 0;
    // The index's own analyzer: query terms must be analysed the way the field was.
    Analyzer analyzer = LatteIndexFormat.queryAnalyzer(index.meta().language());
    try (TokenStream ts = analyzer.tokenStream(LatteIndexFormat.FIELD_BM25, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && clauses < IndexSearcher.getMaxClauseCount()) {
        terms.add(new TermQuery(new Term(LatteIndexFormat.FIELD_BM25, term.toString())), BooleanClause.Occur.SHOULD);
        clauses++;
      }
      ts.end();
    }
    List<ScoredDocs.Entry> out = new ArrayList<>();
    if (clauses == 0) {
      return out; // only stop words: BM25 has nothing to match
    }
    Query q = terms.build();
    if (filter != null) {
      q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(filter, BooleanClause.Occur.FILTER).build();
    }
    TopDocs top = index.searcher().search(q, k);
    List<LeafReaderContext> leaves = index.reader().leaves();
    for (ScoreDoc sd : top.scoreDocs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      out.add(ScoredDocs.Entry.of(leaf.ord, leaf.docBase, sd.doc - leaf.docBase, sd.score));
    }
    return out;
  }
}

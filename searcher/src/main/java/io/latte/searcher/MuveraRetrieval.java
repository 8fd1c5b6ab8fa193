package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.searcher.muvera.FdeCandidates;
import io.latte.searcher.muvera.MuveraEncoders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * The candidate stage of {@code muvera} (see {@link io.latte.searcher.muvera}): HNSW over the
 * documents' fixed-dimensional encodings, as {@link ScoredDocs.Entry} for {@link MaxSimScorer#rescore}.
 */
final class MuveraRetrieval {
  private MuveraRetrieval() {}

  /**
   * @param filter the request's Lucene filter (Lucene applies it and deletes inside the HNSW search)
   * @param projected query in the codebook's space, {@code nq × dim}
   * @throws IllegalArgumentException when the index has documents but no MUVERA encodings
   */
  static List<ScoredDocs.Entry> candidates(IndexHandle index, Query filter, float[] projected, int nq, int n)
      throws IOException {
    var encoder = MuveraEncoders.forIndex(index.reader(), index.codebook().dim());
    if (encoder.isEmpty()) {
      if (index.reader().numDocs() == 0) {
        return List.of();
      }
      throw new IllegalArgumentException("mode muvera needs an index built with MUVERA encodings (field '"
          + LatteIndexFormat.FIELD_MUVERA + "'), and this one has none; rebuild it with them or use mode colbert");
    }
    FixedDimensionalEncoder e = encoder.get();
    TopDocs top = FdeCandidates.search(index.searcher(), e, projected, nq, n, filter);
    List<LeafReaderContext> leaves = index.reader().leaves();
    List<ScoredDocs.Entry> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      out.add(ScoredDocs.Entry.of(leaf.ord, leaf.docBase, sd.doc - leaf.docBase, sd.score));
    }
    return out;
  }
}

package io.latte.searcher.muvera;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * First stage of {@code muvera}: the query's fixed-dimensional encoding searched with Lucene's HNSW
 * over the documents' encodings. Lucene's {@link KnnFloatVectorQuery} applies the filter and deletes
 * itself (it searches the graph with the accepted documents, and switches to an exact scan when the
 * filter leaves fewer documents than it would visit), across every segment.
 *
 * <p>{@code candidates} is both the number of hits and HNSW's beam width (Lucene's {@code k} is its
 * {@code efSearch}): more candidates = better recall of the exact top hits, and more to re-score.
 */
public final class FdeCandidates {
  private FdeCandidates() {}

  /**
   * @param projected query tokens in the codebook's space, {@code tokens × encoder.inputDim()}
   * @param filter a Lucene filter, or null
   * @return up to {@code candidates} documents, best encoding inner product first (global doc ids)
   */
  public static TopDocs search(IndexSearcher searcher, FixedDimensionalEncoder encoder, float[] projected,
      int tokens, int candidates, Query filter) throws IOException {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    float[] fde = encoder.encodeQuery(projected, tokens);
    return searcher.search(new KnnFloatVectorQuery(LatteIndexFormat.FIELD_MUVERA, fde, candidates, filter), candidates);
  }
}

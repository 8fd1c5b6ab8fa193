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
 * <p>HNSW's beam width (Lucene's {@code k} is its {@code efSearch}) is {@value #BEAM_FACTOR} × the
 * candidates kept: on a one-segment SciFact index a beam of 200 for 200 candidates missed enough of
 * the encodings' true top 200 to cost 0.006 nDCG@10 after re-scoring (0.7353 against 0.7419 with
 * twice the beam, 0.7414 with four times; docs/BENCHMARKS.md §4d), while the search itself stays a
 * small part of the mode's time. (With several segments each one was searched with the full beam.)
 */
public final class FdeCandidates {
  /** Beam width per candidate kept. */
  public static final int BEAM_FACTOR = 2;

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
    return searcher.search(query(encoder, projected, tokens, candidates, filter), candidates);
  }

  /**
   * The Lucene query of {@link #search}: a {@link KnnFloatVectorQuery} on the MUVERA field for the
   * query's encoding, with the beam for {@code candidates} (it may return up to the beam; keep the
   * best {@code candidates}).
   */
  public static KnnFloatVectorQuery query(FixedDimensionalEncoder encoder, float[] projected, int tokens,
      int candidates, Query filter) {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, got " + candidates);
    }
    float[] fde = encoder.encodeQuery(projected, tokens);
    int beam = (int) Math.min(Integer.MAX_VALUE, (long) candidates * BEAM_FACTOR);
    return new KnnFloatVectorQuery(LatteIndexFormat.FIELD_MUVERA, fde, beam, filter);
  }
}

package io.latte.searcher.lucene;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.searcher.muvera.FdeCandidates;
import io.latte.searcher.muvera.MuveraEncoders;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;

/**
 * MUVERA candidates as Lucene's own {@link KnnFloatVectorQuery}: the query's fixed-dimensional
 * encoding searched with HNSW over the documents' encodings on the {@value
 * LatteIndexFormat#FIELD_MUVERA} field, with the encoder rebuilt from the config the index recorded.
 * Re-score its hits with {@link MaxSimRescorer}, as {@code latte search --mode muvera} does.
 */
public final class MuveraQuery {
  private MuveraQuery() {}

  /**
   * @param vectors the query's token vectors in the model's space
   * @param candidates documents wanted (the HNSW beam is {@value FdeCandidates#BEAM_FACTOR} × this)
   * @param filter documents eligible, or null
   * @throws IllegalArgumentException when the index has no MUVERA field
   */
  public static KnnFloatVectorQuery create(IndexReader reader, Codebook codebook, float[][] vectors, int candidates,
      Query filter) throws IOException {
    var encoder = MuveraEncoders.forIndex(reader, codebook.dim()).orElseThrow(() -> new IllegalArgumentException(
        "the index has no MUVERA encodings (field '" + LatteIndexFormat.FIELD_MUVERA + "')"));
    int dim = codebook.dim();
    float[] projected = new float[vectors.length * dim];
    for (int t = 0; t < vectors.length; t++) {
      System.arraycopy(codebook.project(vectors[t]), 0, projected, t * dim, dim);
    }
    return FdeCandidates.query(encoder, projected, vectors.length, candidates, filter);
  }
}

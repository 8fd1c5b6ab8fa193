package io.latte.searcher.lucene;

import io.latte.indexer.codebook.Codebook;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LateInteraction;
import io.latte.searcher.SearchParams;
import java.io.IOException;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Weight;

/**
 * XTR token retrieval as a Lucene {@link Query}: the {@code k} documents with the best XTR score
 * for the query's token vectors, over the whole index, among those matching {@code filter}.
 *
 * <p>Like Lucene's {@code KnnFloatVectorQuery}, the work happens in {@link #rewrite}: XTR's score
 * needs index-wide statistics (each query token's k'-th best similarity, imputed where a document
 * had no retrieved token), so it cannot be computed segment by segment inside a scorer. The rewrite
 * runs the same stages as {@code latte search --mode xtr} and returns a fixed doc-and-score query,
 * which then combines with any other query in a {@link org.apache.lucene.search.BooleanQuery}.
 * Hence the filter is a constructor argument: the top {@code k} are chosen among matching documents
 * (a FILTER clause beside this query would only drop documents from an already chosen top k).
 *
 * <p>The index's documents must carry {@code LateInteractionTokensField}s compressed with the same
 * {@link Codebook}. The reader must be a {@code DirectoryReader} (as {@code
 * DirectoryReader.open} gives).
 */
public final class XtrQuery extends TokenRetrievalQuery {

  /** With latte's default parameters ({@link SearchParams#defaults()}). */
  public XtrQuery(float[][] vectors, Codebook codebook, int k, Query filter) {
    this(vectors, codebook, k, filter, SearchParams.defaults());
  }

  /**
   * @param vectors the query's token vectors, one row per token, in the model's space
   * @param codebook the codebook the index's token fields were compressed with
   * @param k documents to keep, 1..10000
   * @param filter documents eligible, or null for all (deleted documents never are)
   * @param params token retrieval's parameters ({@code nprobe}, imputation, {@code k'}); its {@code
   *     k} is ignored
   */
  public XtrQuery(float[][] vectors, Codebook codebook, int k, Query filter, SearchParams params) {
    super(vectors, codebook, k, filter, params);
  }

  @Override
  ScoreDoc[] top(IndexHandle index, Weight filterWeight, float[] projected) throws IOException {
    return LateInteraction.xtr(index, filterWeight, projected, vectors.tokens(), params, k);
  }
}

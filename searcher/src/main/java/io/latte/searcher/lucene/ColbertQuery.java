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
 * {@code colbert} mode as a Lucene {@link Query}: token retrieval's best {@code max(k,
 * params.candidates())} candidates among {@code filter}'s documents, re-scored by exact MaxSim; the
 * best {@code k} of them with their MaxSim as score — {@code latte search --mode colbert}'s hits.
 *
 * <p>Like {@link XtrQuery} it does its work in {@code rewrite} and becomes a doc-and-score query
 * that combines with others in a {@link org.apache.lucene.search.BooleanQuery}. Unlike XTR's
 * imputed scores, exact MaxSim does not depend on the rest of the index, so the scores of separate
 * indexes written with the same codebook (e.g. the shards of an OpenSearch index) compare directly.
 */
public final class ColbertQuery extends TokenRetrievalQuery {

  /**
   * @param vectors the query's token vectors, one row per token, in the model's space
   * @param codebook the codebook the index's token fields were compressed with
   * @param k documents to keep, 1..10000
   * @param filter documents eligible, or null for all (deleted documents never are)
   * @param params token retrieval's parameters ({@code nprobe}, imputation, {@code k'}) and the
   *     number of candidates re-scored; its {@code k} is ignored
   */
  public ColbertQuery(float[][] vectors, Codebook codebook, int k, Query filter, SearchParams params) {
    super(vectors, codebook, k, filter, params);
  }

  @Override
  ScoreDoc[] top(IndexHandle index, Weight filterWeight, float[] projected) throws IOException {
    return LateInteraction.colbert(index, filterWeight, projected, vectors.tokens(), params, k);
  }
}

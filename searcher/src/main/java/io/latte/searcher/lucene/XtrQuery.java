package io.latte.searcher.lucene;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LateInteraction;
import io.latte.searcher.QueryVectors;
import io.latte.searcher.SearchParams;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
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
 * {@link Codebook}. The reader must be a {@link DirectoryReader} (as {@code
 * DirectoryReader.open} gives).
 */
public final class XtrQuery extends Query {
  private final QueryVectors vectors;
  private final Codebook codebook;
  private final int k;
  private final Query filter;
  private final SearchParams params;

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
    this.vectors = QueryVectors.of(Objects.requireNonNull(vectors, "vectors"), null, null);
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    this.params = Objects.requireNonNull(params, "params").withK(k); // validates k
    this.k = k;
    this.filter = filter;
    if (this.vectors.dim() != codebook.inputDim()) {
      throw new IllegalArgumentException("query vectors have dimension " + this.vectors.dim()
          + " but the codebook takes " + codebook.inputDim());
    }
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (!(reader instanceof DirectoryReader directoryReader)) {
      throw new IllegalArgumentException("XtrQuery needs a DirectoryReader, got " + reader.getClass().getName());
    }
    IndexHandle index = IndexHandle.of(directoryReader, codebook);
    Weight filterWeight = filter == null ? null
        : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    float[] projected = LateInteraction.project(index, vectors);
    ScoreDoc[] top = LateInteraction.xtr(index, filterWeight, projected, vectors.tokens(), params, k);
    return DocAndScoreQuery.of(reader, top, toString());
  }

  @Override
  public String toString(String field) {
    return "XtrQuery[" + LatteIndexFormat.FIELD_TOKENS + ", tokens=" + vectors.tokens() + ", k=" + k + ", nprobe="
        + params.nprobe() + (filter == null ? "" : ", filter=" + filter) + "]";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(LatteIndexFormat.FIELD_TOKENS)) {
      visitor.visitLeaf(this);
    }
    if (filter != null) {
      filter.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!sameClassAs(o)) {
      return false;
    }
    XtrQuery other = (XtrQuery) o;
    return k == other.k && codebook == other.codebook && params.equals(other.params)
        && Objects.equals(filter, other.filter) && vectors.tokens() == other.vectors.tokens()
        && Arrays.equals(vectors.flat(), other.vectors.flat());
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), k, System.identityHashCode(codebook), params, filter,
        Arrays.hashCode(vectors.flat()));
  }
}

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
 * What {@link XtrQuery} and {@link ColbertQuery} share: query token vectors, the index's codebook,
 * {@code k}, a filter and token retrieval's parameters; a rewrite that opens the index view, runs the
 * subclass's stages over the whole index and returns a fixed doc-and-score query.
 */
abstract sealed class TokenRetrievalQuery extends Query permits XtrQuery, ColbertQuery {
  final QueryVectors vectors;
  final Codebook codebook;
  final int k;
  final Query filter;
  final SearchParams params;

  TokenRetrievalQuery(float[][] vectors, Codebook codebook, int k, Query filter, SearchParams params) {
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

  /** The best {@code k} documents (global ids of {@code index}'s reader) among {@code filter}'s. */
  abstract ScoreDoc[] top(IndexHandle index, Weight filter, float[] projected) throws IOException;

  @Override
  public final Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (!(reader instanceof DirectoryReader directoryReader)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + " needs a DirectoryReader, got "
          + reader.getClass().getName());
    }
    IndexHandle index = IndexHandle.of(directoryReader, codebook);
    Weight filterWeight = filter == null ? null
        : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    float[] projected = LateInteraction.project(index, vectors);
    return DocAndScoreQuery.of(reader, top(index, filterWeight, projected), toString());
  }

  @Override
  public final String toString(String field) {
    return getClass().getSimpleName() + "[" + LatteIndexFormat.FIELD_TOKENS + ", tokens=" + vectors.tokens() + ", k="
        + k + ", nprobe=" + params.nprobe() + (filter == null ? "" : ", filter=" + filter) + "]";
  }

  @Override
  public final void visit(QueryVisitor visitor) {
    if (visitor.acceptField(LatteIndexFormat.FIELD_TOKENS)) {
      visitor.visitLeaf(this);
    }
    if (filter != null) {
      filter.visit(visitor.getSubVisitor(BooleanClause.Occur.FILTER, this));
    }
  }

  @Override
  public final boolean equals(Object o) {
    if (!sameClassAs(o)) {
      return false;
    }
    TokenRetrievalQuery other = (TokenRetrievalQuery) o;
    return k == other.k && codebook == other.codebook && params.equals(other.params)
        && Objects.equals(filter, other.filter) && vectors.tokens() == other.vectors.tokens()
        && Arrays.equals(vectors.flat(), other.vectors.flat());
  }

  @Override
  public final int hashCode() {
    return Objects.hash(classHash(), k, System.identityHashCode(codebook), params, filter,
        Arrays.hashCode(vectors.flat()));
  }
}

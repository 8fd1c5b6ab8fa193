package io.latte.searcher;

import io.latte.indexer.read.DocIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The one search API: every mode over one {@link IndexHandle}, honouring the filter and deletes,
 * across all segments. It prepares the query once (projection, filter weight) and hands it to the
 * mode's {@link Retriever}; the modes themselves live in the retrievers. Thread-safe; each call
 * allocates its own per-query state.
 */
public final class LatteSearcher {
  private final IndexHandle index;

  public LatteSearcher(IndexHandle index) {
    this.index = index;
  }

  public IndexHandle index() {
    return index;
  }

  public SearchResult search(SearchRequest request) throws IOException {
    StageTimer timer = new StageTimer();
    SearchParams params = RetrievalDefaults.resolve(request.params(), index);
    float[] projected = null;
    int nq = 0;
    if (request.mode().needsVectors()) {
      projected = project(request.vectors());
      nq = request.vectors().tokens();
    }
    Explainer explainer = request.explain() && projected != null ? new Explainer(index, request.vectors()) : null;
    RetrievalQuery query = new RetrievalQuery(index, request.text(), request.filter(), filterWeight(request.filter()),
        projected, nq, params, explainer, timer);
    Ranking ranking = Retrievers.forMode(request.mode(), params).retrieve(query, params.k());
    List<Hit> hits = new ArrayList<>(ranking.top().size());
    for (ScoredDocs.Entry e : ranking.top()) {
      hits.add(hit(e, ranking.explanations().explain(e)));
    }
    return timer.result(hits, params);
  }

  private Hit hit(ScoredDocs.Entry e, List<TokenMatch> explanation) throws IOException {
    String id = DocIds.id(index.reader().leaves().get(e.leaf()).reader(), e.doc());
    return new Hit(id, e.score(), e.globalDoc(), explanation);
  }

  private Weight filterWeight(Query filter) throws IOException {
    if (filter == null) {
      return null;
    }
    var s = index.searcher();
    return s.createWeight(s.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  /** Query tokens into the codebook's space (the index-time projection, if any). */
  private float[] project(QueryVectors q) {
    return LateInteraction.project(index, q);
  }
}

package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.read.DocIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The one search API: every mode over one {@link IndexHandle}, honouring the filter and deletes,
 * across all segments. Thread-safe; each call allocates its own per-query state.
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
    SearchParams p = boundedByIndex(request.params());
    Weight filter = filterWeight(request.filter());
    long t0 = System.nanoTime();
    float[] projected = null;
    int nq = 0;
    if (request.mode().needsVectors()) {
      projected = project(request.vectors());
      nq = request.vectors().tokens();
    }
    Explainer explainer = request.explain() && projected != null ? new Explainer(index, request.vectors()) : null;
    List<Hit> hits = new ArrayList<>();
    long t1;
    switch (request.mode()) {
      case XTR -> {
        XtrRetrieval.Result r = XtrRetrieval.retrieve(index, filter, projected, nq, p, p.k(), true);
        t1 = System.nanoTime();
        for (ScoredDocs.Entry e : r.top()) {
          hits.add(hit(e, explainer == null ? null : explainer.fromXtr(r, e)));
        }
      }
      case COLBERT -> {
        XtrRetrieval.Result r =
            XtrRetrieval.retrieve(index, filter, projected, nq, p, Math.max(p.k(), p.candidates()), false);
        t1 = System.nanoTime();
        hits = rescored(new MaxSimScorer(index, projected, nq), r.top(), p.k(), explainer);
      }
      case MUVERA -> { // MUVERA: HNSW over fixed-dimensional encodings, then exact MaxSim (io.latte.searcher.muvera)
        List<ScoredDocs.Entry> candidates =
            MuveraRetrieval.candidates(index, request.filter(), projected, nq, Math.max(p.k(), p.candidates()));
        t1 = System.nanoTime();
        hits = rescored(new MaxSimScorer(index, projected, nq), candidates, p.k(), explainer);
      }
      case EXACT -> {
        MaxSimScorer scorer = new MaxSimScorer(index, projected, nq);
        t1 = System.nanoTime();
        List<ScoredDocs.Entry> top = scorer.scanAll(filter, p.k());
        for (ScoredDocs.Entry e : top) {
          hits.add(hit(e, explainer == null ? null : explainer.fromMaxSim(scorer, e)));
        }
      }
      case BM25 -> {
        List<ScoredDocs.Entry> top = Bm25Search.search(index, request.text(), request.filter(), p.k());
        t1 = System.nanoTime();
        for (ScoredDocs.Entry e : top) {
          hits.add(hit(e, null));
        }
      }
      case HYBRID -> {
        int n = Math.max(p.k(), p.candidates());
        LateRanking late = lateRanking(request.filter(), filter, projected, nq, p, n);
        List<ScoredDocs.Entry> bm25 = Bm25Search.search(index, request.text(), request.filter(), n);
        t1 = System.nanoTime();
        List<ScoredDocs.Entry> fused = ResultFusion.fuse(late.top(), late.floor(), bm25, p);
        MaxSimScorer scorer = explainer == null ? null : new MaxSimScorer(index, projected, nq);
        for (ScoredDocs.Entry e : fused) {
          hits.add(hit(e, scorer == null ? null : explainer.fromMaxSim(scorer, e)));
        }
      }
      default -> throw new IllegalStateException("unhandled mode " + request.mode());
    }
    long t2 = System.nanoTime();
    return new SearchResult(hits, t1 - t0, t2 - t1);
  }

  private List<Hit> rescored(MaxSimScorer scorer, List<ScoredDocs.Entry> candidates, int k, Explainer explainer)
      throws IOException {
    List<Hit> hits = new ArrayList<>();
    for (ScoredDocs.Entry e : scorer.rescore(candidates, k)) {
      hits.add(hit(e, explainer == null ? null : explainer.fromMaxSim(scorer, e)));
    }
    return hits;
  }

  /**
   * The late-interaction half of {@code hybrid}: the best {@code n} documents of {@code
   * p.hybridWith()} as entries (no stored fields read), and the score of a document outside them
   * when the mode knows it: token retrieval ranks only documents it retrieved a token from, the rest
   * score the all-imputed floor, which anchors linear fusion's normalisation (else it would move
   * with where the list ends). NaN for the exhaustive modes.
   */
  private LateRanking lateRanking(Query filterQuery, Weight filter, float[] projected, int nq, SearchParams p, int n)
      throws IOException {
    return switch (p.hybridWith()) {
      case XTR -> {
        XtrRetrieval.Result r = XtrRetrieval.retrieve(index, filter, projected, nq, p, n, true);
        yield new LateRanking(r.top(), r.floor());
      }
      case COLBERT -> {
        XtrRetrieval.Result r =
            XtrRetrieval.retrieve(index, filter, projected, nq, p, Math.max(n, p.candidates()), false);
        yield new LateRanking(new MaxSimScorer(index, projected, nq).rescore(r.top(), n), Float.NaN);
      }
      case MUVERA -> {
        List<ScoredDocs.Entry> candidates =
            MuveraRetrieval.candidates(index, filterQuery, projected, nq, Math.max(n, p.candidates()));
        yield new LateRanking(new MaxSimScorer(index, projected, nq).rescore(candidates, n), Float.NaN);
      }
      case EXACT -> new LateRanking(new MaxSimScorer(index, projected, nq).scanAll(filter, n), Float.NaN);
      default -> throw new IllegalStateException("hybrid cannot fuse " + p.hybridWith());
    };
  }

  /**
   * The parameters clamped to what this index holds, silently: a k' above the index's token count
   * (deleted ones included) or more candidates than live documents change no result, but would size
   * per-query buffers by the request instead of by the index. nprobe is clamped to the centroids by
   * {@code CentroidSelector}.
   */
  SearchParams boundedByIndex(SearchParams p) throws IOException {
    long tokens = index.reader().getSumTotalTermFreq(io.latte.indexer.format.LatteIndexFormat.FIELD_TOKENS);
    int maxKPrime = (int) Math.clamp(tokens, 1L, Integer.MAX_VALUE);
    int maxCandidates = Math.max(1, index.reader().numDocs());
    if (p.kPrime() > maxKPrime) {
      p = p.withKPrime(maxKPrime);
    }
    if (p.candidates() > maxCandidates) {
      p = p.withCandidates(maxCandidates);
    }
    return p;
  }

  private record LateRanking(List<ScoredDocs.Entry> top, float floor) {}

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
    Codebook cb = index.codebook();
    if (q.dim() != cb.inputDim()) {
      throw new IllegalArgumentException("query vectors have dimension " + q.dim() + " but the index was built with "
          + cb.inputDim() + "-d vectors (model " + index.meta().model().name() + ")");
    }
    int dim = cb.dim();
    float[] out = new float[q.tokens() * dim];
    float[] v = new float[q.dim()];
    for (int i = 0; i < q.tokens(); i++) {
      System.arraycopy(q.flat(), i * q.dim(), v, 0, q.dim());
      System.arraycopy(cb.project(v), 0, out, i * dim, dim);
    }
    return out;
  }
}

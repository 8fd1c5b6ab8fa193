package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Weight;

/**
 * The searcher's stages on Lucene's terms (global doc ids, {@link ScoreDoc}s), for the Lucene parts
 * in {@code io.latte.searcher.lucene}: {@code XtrQuery} runs {@link #xtr} in its rewrite, {@code
 * MaxSimRescorer} runs {@link #maxSim} and {@link #explainMaxSim}. They call the very stages {@link
 * LatteSearcher} runs, so a Lucene application and {@code latte search} cannot disagree.
 */
public final class LateInteraction {
  private LateInteraction() {}

  /**
   * Query tokens into the codebook's space (the index-time projection, if any).
   *
   * @throws IllegalArgumentException when the vectors' dimension is not the codebook's input
   */
  public static float[] project(IndexHandle index, QueryVectors q) {
    Codebook cb = index.codebook();
    if (q.dim() != cb.inputDim()) {
      String model = index.meta() == null ? "" : " (model " + index.meta().model().name() + ")";
      throw new IllegalArgumentException("query vectors have dimension " + q.dim() + " but the index was built with "
          + cb.inputDim() + "-d vectors" + model);
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

  /**
   * {@code xtr}'s best {@code n} documents of the whole index (global doc ids, best first, scores
   * exact over the retrieved tokens): what {@code latte search --mode xtr} returns.
   *
   * @param filter acceptable documents (deletes are always honoured), or null
   * @param projected the query in the codebook's space ({@link #project})
   */
  public static ScoreDoc[] xtr(IndexHandle index, Weight filter, float[] projected, int nq, SearchParams p, int n)
      throws IOException {
    p = RetrievalDefaults.resolve(p, index);
    return scoreDocs(XtrRetrieval.retrieve(index, filter, projected, nq, p, n, true).top());
  }

  /**
   * {@code colbert}'s best {@code n} documents of the whole index: token retrieval's best {@code
   * max(n, p.candidates())} candidates re-scored by exact MaxSim (global doc ids, best first) —
   * what {@code latte search --mode colbert} returns. The scores are exact MaxSim, so they compare
   * across indexes (e.g. the shards of a distributed index) built with the same codebook.
   */
  public static ScoreDoc[] colbert(IndexHandle index, Weight filter, float[] projected, int nq, SearchParams p, int n)
      throws IOException {
    p = RetrievalDefaults.resolve(p, index);
    XtrRetrieval.Result r = XtrRetrieval.retrieve(index, filter, projected, nq, p, Math.max(n, p.candidates()), false);
    return scoreDocs(new MaxSimScorer(index, projected, nq).rescore(r.top(), n));
  }

  /**
   * Exact MaxSim of {@code hits} (any order; their scores are ignored), the best {@code n} first,
   * ties to the lower doc id: {@code colbert}'s and {@code muvera}'s re-scoring stage.
   */
  public static ScoreDoc[] maxSim(IndexHandle index, float[] projected, int nq, ScoreDoc[] hits, int n)
      throws IOException {
    List<LeafReaderContext> leaves = index.reader().leaves();
    List<ScoredDocs.Entry> entries = new ArrayList<>(hits.length);
    for (ScoreDoc sd : hits) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
      entries.add(ScoredDocs.Entry.of(leaf.ord, leaf.docBase, sd.doc - leaf.docBase, sd.score));
    }
    return scoreDocs(new MaxSimScorer(index, projected, nq).rescore(entries, n));
  }

  /**
   * Per query token, the document token with the best similarity to it and that similarity
   * (summing to the document's exact MaxSim), with the token's text when the index stored it.
   */
  public static List<TokenMatch> explainMaxSim(IndexHandle index, QueryVectors q, float[] projected, int globalDoc)
      throws IOException {
    List<LeafReaderContext> leaves = index.reader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(globalDoc, leaves));
    MaxSimScorer scorer = new MaxSimScorer(index, projected, q.tokens());
    return new Explainer(index, q).fromMaxSim(scorer, ScoredDocs.Entry.of(leaf.ord, leaf.docBase,
        globalDoc - leaf.docBase, Float.NaN));
  }

  private static ScoreDoc[] scoreDocs(List<ScoredDocs.Entry> entries) {
    ScoreDoc[] out = new ScoreDoc[entries.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new ScoreDoc(entries.get(i).globalDoc(), entries.get(i).score());
    }
    return out;
  }
}

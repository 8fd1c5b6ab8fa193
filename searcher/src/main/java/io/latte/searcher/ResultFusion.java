package io.latte.searcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses two rankings of the same index (hybrid search): reciprocal-rank fusion, which needs no
 * score calibration; a linear blend of min-max-normalised scores with a fixed weight; or (the
 * default) the same blend weighted per query by each ranking's confidence ({@link #confidence}).
 *
 * <p><b>Why per-query weights.</b> Which half is better depends on the collection and the query:
 * the embedded English model beats BM25 on English abstracts (SciFact, Cranfield) and loses badly on
 * Russian text, where its token vectors barely separate documents; a fixed weight good for one is
 * bad for the other (0.7 gave 0.52 on Russian against BM25's 0.82). A ranking that has found
 * something shows it in its scores: its top few stand out from the rest of its list; a ranking that
 * has not found anything is flat. So each half's normalised scores are weighted by how far its top
 * stands out, measured on the request alone (no labels, no collection statistics).
 */
final class ResultFusion {
  private ResultFusion() {}

  /**
   * @param lateFloor the late-interaction score of a document outside {@code late} (NaN if unknown):
   *     linear fusion maps it to 0, so normalisation does not depend on where the list ends
   */
  static List<ScoredDocs.Entry> fuse(List<ScoredDocs.Entry> late, float lateFloor, List<ScoredDocs.Entry> bm25,
      SearchParams p) {
    Map<Integer, float[]> fused = new HashMap<>();
    Map<Integer, ScoredDocs.Entry> any = new HashMap<>();
    if (p.fusion() == SearchParams.Fusion.RRF) {
      addRrf(late, p.rrfK(), fused, any);
      addRrf(bm25, p.rrfK(), fused, any);
    } else {
      float w = p.fusion() == SearchParams.Fusion.LINEAR ? p.hybridWeight() : lateWeight(late, bm25);
      addLinear(late, lateFloor, w, fused, any);
      addLinear(bm25, Float.NaN, 1 - w, fused, any);
    }
    ScoredDocs top = new ScoredDocs(p.k());
    for (var e : fused.entrySet()) {
      ScoredDocs.Entry d = any.get(e.getKey());
      top.offer(d.leaf(), d.docBase(), d.doc(), e.getValue()[0]);
    }
    return top.best();
  }

  /** The rank whose score {@link #confidence} compares with the top: the first page. */
  static final int CONFIDENCE_RANK = 10;

  /**
   * The late-interaction weight of {@link SearchParams.Fusion#ADAPTIVE}: c_late² / (c_late² + c_bm25²)
   * over the two {@link #confidence}s (0.5 when neither shows any). Squaring sharpens the split
   * where one half is clearly the more confident; on the shared collections it beat the plain ratio
   * on SciFact, Cranfield and Russian (docs/BENCHMARKS.md §15).
   */
  static float lateWeight(List<ScoredDocs.Entry> late, List<ScoredDocs.Entry> bm25) {
    float cl = confidence(late);
    float cb = confidence(bm25);
    float l2 = cl * cl;
    float b2 = cb * cb;
    return l2 + b2 > 0 ? l2 / (l2 + b2) : 0.5f;
  }

  /**
   * How far a ranking's top stands out: {@code (s1 − s10) / (s1 − s_last)}, the share of the list's
   * score range that lies between its best hit and its 10th (the list's last if shorter), in [0, 1].
   * Scale-free, so BM25's and MaxSim's scores compare; 0 for a flat or single-entry list. Both lists
   * are the same depth (the candidate count), so their ranges cover the same ranks.
   */
  static float confidence(List<ScoredDocs.Entry> ranking) {
    if (ranking.size() < 2) {
      return 0;
    }
    float top = ranking.get(0).score();
    float min = Float.POSITIVE_INFINITY;
    for (ScoredDocs.Entry e : ranking) {
      min = Math.min(min, e.score());
    }
    float range = top - min;
    float page = ranking.get(Math.min(CONFIDENCE_RANK, ranking.size()) - 1).score();
    return range > 0 ? (top - page) / range : 0;
  }

  private static void addRrf(List<ScoredDocs.Entry> ranking, int k, Map<Integer, float[]> fused,
      Map<Integer, ScoredDocs.Entry> any) {
    for (int i = 0; i < ranking.size(); i++) {
      ScoredDocs.Entry e = ranking.get(i);
      fused.computeIfAbsent(e.globalDoc(), d -> new float[1])[0] += 1f / (k + i + 1);
      any.putIfAbsent(e.globalDoc(), e);
    }
  }

  private static void addLinear(List<ScoredDocs.Entry> ranking, float floor, float weight,
      Map<Integer, float[]> fused, Map<Integer, ScoredDocs.Entry> any) {
    if (ranking.isEmpty()) {
      return;
    }
    float max = Float.NEGATIVE_INFINITY;
    float min = Float.POSITIVE_INFINITY;
    for (ScoredDocs.Entry e : ranking) {
      max = Math.max(max, e.score());
      min = Math.min(min, e.score());
    }
    if (floor < min) { // false for NaN
      min = floor;
    }
    float span = max - min;
    for (ScoredDocs.Entry e : ranking) {
      float norm = span > 0 ? (e.score() - min) / span : 1f;
      fused.computeIfAbsent(e.globalDoc(), d -> new float[1])[0] += weight * norm;
      any.putIfAbsent(e.globalDoc(), e);
    }
  }
}

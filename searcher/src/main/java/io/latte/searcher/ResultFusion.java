package io.latte.searcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses two rankings of the same index (hybrid search): reciprocal-rank fusion, which needs no
 * score calibration, or a linear blend of min-max-normalised scores.
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
      addLinear(late, lateFloor, p.hybridWeight(), fused, any);
      addLinear(bm25, Float.NaN, 1 - p.hybridWeight(), fused, any);
    }
    ScoredDocs top = new ScoredDocs(p.k());
    for (var e : fused.entrySet()) {
      ScoredDocs.Entry d = any.get(e.getKey());
      top.offer(d.leaf(), d.docBase(), d.doc(), e.getValue()[0]);
    }
    return top.best();
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

package io.latte.searcher;

import io.latte.indexer.codec.TokenLayout;
import io.latte.searcher.xtr.CentroidSelector;
import io.latte.searcher.xtr.MissingSimilarityImputer;
import io.latte.searcher.xtr.QueryTables;
import io.latte.searcher.xtr.TokenMaxima;
import io.latte.searcher.xtr.TokenRetriever;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.CorruptIndexException;

/**
 * The last stage of {@code xtr}: exact similarities for the best documents by approximate score
 * (the pool), so that reported scores and explanations are exact and a document the 8-bit tables
 * ranked just outside the cut can still make it.
 */
final class XtrRescorer {
  private XtrRescorer() {}

  /**
   * Exact similarities for {@code pool}: per (document, query token), every retrieved token whose
   * approximate similarity is within {@code 2E} of the document's approximate best is re-scored with
   * the float tables and the best kept. The exact best token is always among them (its approximation
   * is at least its exact value minus {@code E}, which is at least the approximate best's exact value
   * minus {@code E}, which is at least the approximate best minus {@code 2E}), so with nothing pruned
   * the scores equal exact MaxSim over the probed tokens.
   *
   * <p>The codes are gathered from the token layout (the one copy of the codes) in layout order: a
   * token's bytes are 64 apart in its block (one cache line each), so its block is read whole and
   * the other requested tokens of that block are taken from the same copy.
   */
  static XtrRetrieval.Result rescore(IndexHandle index, List<ScoredDocs.Entry> pool, int topN, TokenMaxima[] maxima,
      TokenRetriever retriever, CentroidSelector.Probes probes, QueryTables tables, float[] missing,
      MissingSimilarityImputer imputer) throws IOException {
    int nq = missing.length;
    float[][] retrieved = new float[pool.size()][nq];
    int[][] positions = new int[pool.size()][nq];
    for (int i = 0; i < pool.size(); i++) {
      Arrays.fill(retrieved[i], Float.NEGATIVE_INFINITY);
      Arrays.fill(positions[i], -1);
    }
    Integer[] order = new Integer[pool.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> pool.get(i).leaf())
        .thenComparingInt(i -> pool.get(i).doc()));
    int[] rank = new int[pool.size()];
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    // Pool index of each (segment, maxima row): the kept tokens name their document by row.
    int[][] poolOfRow = new int[maxima.length][];
    for (int seg = 0; seg < maxima.length; seg++) {
      poolOfRow[seg] = new int[maxima[seg].size()];
      Arrays.fill(poolOfRow[seg], -1);
    }
    for (int i = 0; i < pool.size(); i++) {
      poolOfRow[pool.get(i).leaf()][pool.get(i).maximaRow()] = i;
    }
    Requests requests = new Requests();
    float[] approxBest = new float[pool.size()];
    for (int q = 0; q < nq; q++) {
      final int fq = q;
      // Scaled similarities (token scales) carry the table error times their scale.
      float window = 2 * tables.errorBound(q) * index.codebook().maxScale();
      for (int i = 0; i < pool.size(); i++) {
        ScoredDocs.Entry e = pool.get(i);
        approxBest[i] = maxima[e.leaf()].max(e.maximaRow(), q);
      }
      retriever.forEachKept(q, (segment, row, position, approximate) -> {
        int i = poolOfRow[segment][row];
        if (i >= 0 && approximate >= approxBest[i] - window) {
          requests.add(rank[i], fq, position);
        }
      });
    }
    requests.sort();
    // Per segment, the requested tokens in layout order: they are near the best of their query
    // token, so in clusters just scanned and often in the same blocks; each block is read once.
    byte[] code = new byte[index.codebook().bytesPerVector()];
    // A codebook with token scales multiplies each similarity by its token's stored scale, so that
    // re-scored similarities equal colbert's and exact's (Codebook#storesScale).
    long[] byRef = new long[requests.size];
    for (int from = 0; from < requests.size; ) {
      int leaf = pool.get(order[requests.rank(from)]).leaf();
      TokenLayout layout = index.layout(leaf);
      if (layout == null) {
        throw new CorruptIndexException("retrieved tokens in a segment without tokens", "segment " + leaf);
      }
      TokenLayout.Cursor cursor = layout.cursor();
      int to = from;
      for (; to < requests.size && pool.get(order[requests.rank(to)]).leaf() == leaf; to++) {
        int ref = cursor.ref(pool.get(order[requests.rank(to)]).doc(), requests.position(to));
        byRef[to - from] = ((long) ref << 32) | to;
      }
      Arrays.sort(byRef, 0, to - from);
      for (int j = 0; j < to - from; j++) {
        int at = (int) byRef[j];
        int i = order[requests.rank(at)];
        int q = requests.query(at);
        int position = requests.position(at);
        int centroid = cursor.gatherFromBlock((int) (byRef[j] >>> 32), code, 0);
        float s = (probes.score(q, centroid) + tables.exactResidual(q, code, 0, 1))
            * index.codebook().scale(code, 0);
        if (s > retrieved[i][q] || (s == retrieved[i][q] && position < positions[i][q])) {
          retrieved[i][q] = s;
          positions[i][q] = position;
        }
      }
      from = to;
    }
    ScoredDocs top = new ScoredDocs(topN);
    for (int i = 0; i < pool.size(); i++) {
      ScoredDocs.Entry e = pool.get(i);
      float score = 0;
      for (int q = 0; q < nq; q++) {
        score += imputer.combine(retrieved[i][q], missing[q]);
      }
      top.offer(e.leaf(), e.docBase(), e.doc(), score, ScoredDocs.NONE, i);
    }
    return new XtrRetrieval.Result(top.best(), retrieved, positions, missing, imputer);
  }

  /**
   * Tokens to re-score, packed as (pool rank, query token, position) in one long so that sorting
   * groups them by document in doc order.
   */
  private static final class Requests {
    private long[] packed = new long[256];
    int size;

    void add(int rank, int q, int position) {
      if (size == packed.length) {
        packed = Arrays.copyOf(packed, 2 * size);
      }
      packed[size++] = ((long) rank << 44) | ((long) q << 28) | position;
    }

    void sort() {
      Arrays.sort(packed, 0, size);
    }

    int rank(int at) {
      return (int) (packed[at] >>> 44);
    }

    int query(int at) {
      return (int) (packed[at] >>> 28) & 0xFFFF;
    }

    int position(int at) {
      return (int) packed[at] & 0x0FFFFFFF;
    }
  }


}

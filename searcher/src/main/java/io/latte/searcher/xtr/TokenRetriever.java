package io.latte.searcher.xtr;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.TokenScale;
import io.latte.indexer.codec.TokenLayout;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.util.Bits;

/**
 * Stage 2 of token retrieval: for each query token, scan the blocks of its probed clusters in every
 * segment ({@link TokenLayout}, read from the mapped token file) with the fast-scan kernel, and keep, per (document, query token),
 * the best token: its approximate similarity {@code q·c + base + Δ·Σ entries} and its position. Every
 * token that passes raises the query token's running k'-th-best bound ({@link RunningThreshold});
 * the exact k'-th best ({@link KthLargest}) is selected once the scan is done. Documents are never
 * read whole. Not thread-safe: one per search.
 *
 * <p><b>Pruning</b> (XTR imputation only): a document's contribution is {@code max(retrieved, m)}
 * where {@code m}, the final k'-th best similarity, is at least the running bound, so a token at or
 * below that bound cannot change any score. The kernel compares sums against the bound in-register
 * and only passing tokens reach the scalar loop; once no token of a cluster can pass for any of its
 * query tokens (centroid score + largest table sum), the rest of the cluster is skipped. The probe
 * plan meets each query token's best clusters early, so the bound rises early. WARP imputation keeps
 * every retrieved token.
 *
 * <p><b>Token scales</b> ({@link Codebook#storesScale()}): a token's similarity is its table
 * similarity times its stored scale; the scales are the block's last code column. The kernel gets a
 * threshold per token, the least table sum its own scale could lift above the running bound
 * ({@link QueryTables#sumThresholds}, rounded down), and a passing token's scaled similarity is
 * checked against the bound itself before it counts. Whether the rest of a cluster can be skipped
 * is decided before its next block is read, with the cluster's scale range (read once per segment and
 * cluster, {@link TokenLayout.Cursor#lastByteRange}). Everything
 * downstream (k'-th best, imputation, re-scoring) sees scaled similarities, the ones exact MaxSim over
 * decoded vectors has.
 */
public final class TokenRetriever {
  /** Histogram bins of the running k'-th-best bound: a bin is about 0.001 of similarity on SciFact. */
  static final int THRESHOLD_BINS = 2048;

  private final FastScanKernel kernel;
  private final short[] sums = new short[FastScanKernel.BLOCK];
  private final int[] tokenOfSlot = new int[FastScanKernel.BLOCK];
  /** Thresholds of the query tokens still scanning the current block (-2 = done with the cluster). */
  private int[] thresholds = new int[0];
  /**
   * One block copied out of the mapped file (a copy of 64 × bytes, about 6 KB at 384-d 2-bit, stays
   * in L1 while every query token probing the cluster scores it).
   */
  private byte[] block = new byte[0];
  /** Per slot of the current block, 1 / its token's scale (token scales; lanes past a tail block: 0). */
  private final float[] inverseScaleOfSlot = new float[FastScanKernel.BLOCK];
  /** Per slot, the kernel threshold its token's own scale allows, for the current query token. */
  private final short[] slotThresholds = new short[FastScanKernel.BLOCK];
  /** Per query token, the tokens that passed; after {@link #scan}, those kept. */
  private Candidates[] candidates;
  /** Code bytes the kernel scores: a token's residual (a stored scale byte follows it). */
  private final int residualBytes;
  private final boolean scaled;
  /** The codebook's scale range: every token's factor lies in it. */
  private final float minScale;
  private final float maxScale;

  public TokenRetriever(Codebook codebook) {
    this.kernel = FastScan.kernel();
    this.residualBytes = codebook.residualBytes();
    this.scaled = codebook.storesScale();
    this.minScale = codebook.minScale();
    this.maxScale = codebook.maxScale();
    for (int s = 0; s < tokenOfSlot.length; s++) {
      tokenOfSlot[s] = kernel.tokenOfSlot(s);
    }
  }

  /**
   * Scans every segment, cluster by cluster in {@link ProbePlan} order; each block of a cluster is
   * scored for every query token that probes it while it is in cache (the scan is bound by memory
   * bandwidth: each distinct token is read from memory once per query, not once per query token).
   *
   * @param accept per segment, documents that may be retrieved (live and passing the filter); null
   *     entries = all
   * @param prune skip tokens at or below the k'-th best threshold (only valid with XTR imputation)
   * @return per segment, its documents' maxima; the token handle is the token's position in its document
   */
  public TokenMaxima[] scan(TokenLayout[] layouts, Bits[] accept, CentroidSelector.Probes probes,
      QueryTables tables, KthLargest[] kth, boolean prune) throws IOException {
    int nq = probes.queryTokens();
    TokenLayout.Cursor[] cursors = new TokenLayout.Cursor[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      if (layouts[i] != null) {
        cursors[i] = layouts[i].cursor();
        if (block.length < FastScanKernel.BLOCK * layouts[i].bytes()) {
          block = new byte[FastScanKernel.BLOCK * layouts[i].bytes()];
        }
      }
    }
    ProbePlan plan = ProbePlan.of(probes);
    RunningThreshold[] running = new RunningThreshold[nq];
    candidates = new Candidates[nq];
    for (int q = 0; q < nq; q++) {
      candidates[q] = new Candidates(Candidates.initialCapacity(kth[q].k()));
      float[] cs = probes.scores()[q];
      float lo = cs[cs.length - 1] + tables.approximate(q, 0);
      float hi = cs[0] + tables.approximate(q, tables.maxSum(q));
      if (scaled) {
        lo = lo >= 0 ? lo * minScale : lo * maxScale;
        hi = hi >= 0 ? hi * maxScale : hi * minScale;
      }
      running[q] = new RunningThreshold(kth[q].k(), lo, hi, THRESHOLD_BINS);
    }
    for (int c = 0; c < plan.size(); c++) {
      for (int i = 0; i < layouts.length; i++) {
        int slot = layouts[i] == null ? -1 : layouts[i].slot(plan.centroid(c));
        if (slot >= 0) { // else no token of this segment fell into that cluster
          scanCluster(layouts[i], cursors[i], i, slot, accept[i], plan.queries(c), plan.scores(c), tables, running,
              prune);
        }
      }
    }
    TokenMaxima[] maxima = new TokenMaxima[layouts.length];
    for (int i = 0; i < layouts.length; i++) {
      maxima[i] = new TokenMaxima(nq, 64);
    }
    for (int q = 0; q < nq; q++) {
      Candidates cand = candidates[q];
      float bound = running[q].threshold();
      for (int c = 0; c < cand.size; c++) {
        if (cand.scores[c] > bound) { // the k' best are all above the running bound
          kth[q].offer(cand.scores[c]);
        }
      }
      keep(q, prune ? kth[q].value() : Float.NEGATIVE_INFINITY, maxima);
    }
    return maxima;
  }

  /**
   * What {@link #forEachKept} reports: one retrieved token of a query token, with its document's
   * row in the segment's {@link TokenMaxima}.
   */
  public interface KeptToken {
    void accept(int segment, int row, int position, float approximate);
  }

  /**
   * After {@link #scan}: every token query token {@code q} retrieved (at or above its k'-th best when
   * pruning), with its approximate similarity. Lets a caller re-score the near-best tokens of a few
   * documents exactly.
   */
  public void forEachKept(int q, KeptToken visitor) {
    Candidates cand = candidates[q];
    for (int c = 0; c < cand.size; c++) {
      visitor.accept(cand.segments[c], cand.rows[c], cand.positions[c], cand.scores[c]);
    }
  }

  /**
   * Moves query token {@code q}'s candidates into the maxima. Deferred until the scan is complete
   * because only then is its k'-th best value final: with pruning, only candidates at or above it
   * can score ({@code max(retrieved, m)}), about k' of them, while several times as many passed the
   * running threshold; the per-document bookkeeping is done for those few.
   */
  private void keep(int q, float floor, TokenMaxima[] maxima) {
    Candidates cand = candidates[q];
    int kept = 0;
    for (int c = 0; c < cand.size; c++) {
      float s = cand.scores[c];
      if (s >= floor) {
        int seg = cand.segments[c];
        int row = maxima[seg].accept(cand.docs[c], q, s, cand.positions[c]);
        cand.scores[kept] = s; // compact: forEachKept only visits these
        cand.segments[kept] = seg; // (docs are not compacted: from here on rows name the documents)
        cand.rows[kept] = row;
        cand.positions[kept] = cand.positions[c];
        kept++;
      }
    }
    cand.size = kept;
  }

  private void scanCluster(TokenLayout layout, TokenLayout.Cursor cursor, int segment, int slot, Bits accept,
      int[] queries, float[] cs, QueryTables tables, RunningThreshold[] running, boolean prune) throws IOException {
    int n = layout.size(slot);
    int first = layout.start(slot);
    float clusterMin = minScale;
    float clusterMax = maxScale;
    if (scaled && prune) {
      int range = cursor.lastByteRange(slot);
      clusterMin = TokenScale.factor((byte) (range >>> 8));
      clusterMax = TokenScale.factor((byte) range);
    }
    if (thresholds.length < queries.length) {
      thresholds = new int[queries.length];
    }
    for (int b = 0, k0 = 0; k0 < n; b++, k0 += FastScanKernel.BLOCK) {
      boolean any = false;
      for (int j = 0; j < queries.length; j++) {
        int q = queries[j];
        int threshold = prune
            ? tables.sumThreshold(q, unscaledBound(running[q].threshold(), clusterMin, clusterMax) - cs[j]) : -1;
        // no token of this cluster can pass for q any more: thresholds only rise
        thresholds[j] = threshold >= tables.maxSum(q) ? -2 : threshold;
        any |= thresholds[j] != -2;
      }
      if (!any) {
        return; // the rest of the cluster is never read
      }
      int m = cursor.readBlock(slot, b, block);
      int scaleAt = residualBytes * FastScanKernel.BLOCK; // the scale column, when the codebook stores one
      if (scaled && prune) {
        for (int lane = 0; lane < FastScanKernel.BLOCK; lane++) {
          int k = tokenOfSlot[lane];
          inverseScaleOfSlot[lane] = k < m ? TokenScale.inverse(block[scaleAt + k]) : 0f;
        }
      }
      // The block is copied once; the other query tokens find it in cache.
      for (int j = 0; j < queries.length; j++) {
        if (thresholds[j] == -2) {
          continue;
        }
        int q = queries[j];
        RunningThreshold top = running[q];
        // only q's own offers move its bound, so the threshold computed above is still current
        long mask;
        if (scaled && prune) { // each token against the bound its own scale allows
          tables.sumThresholds(q, top.threshold(), cs[j], inverseScaleOfSlot, slotThresholds);
          mask = kernel.scoreBlock(block, 0, residualBytes, tables.quantised(q), slotThresholds, sums);
        } else {
          mask = kernel.scoreBlock(block, 0, residualBytes, tables.quantised(q), thresholds[j], sums);
        }
        Candidates cand = candidates[q];
        while (mask != 0) {
          int slotInBlock = Long.numberOfTrailingZeros(mask);
          mask &= mask - 1;
          int k = tokenOfSlot[slotInBlock];
          if (k >= m) {
            continue; // lanes past a tail block's tokens
          }
          float s = cs[j] + tables.approximate(q, sums[slotInBlock]);
          if (scaled) {
            s *= TokenScale.factor(block[scaleAt + k]);
            if (prune && s <= top.threshold()) {
              continue; // within the kernel's rounding of the bound (checked before the document lookup, a random read)
            }
          }
          int ref = first + k0 + k;
          int doc = cursor.doc(ref);
          if (accept != null && !accept.get(doc)) {
            continue;
          }
          top.offer(s);
          cand.add(s, segment, doc, cursor.position(ref));
        }
      }
    }
  }

  /**
   * The least unscaled similarity a token needs for its similarity times a factor in {@code [lo, hi]}
   * to possibly exceed {@code bound}.
   */
  static float unscaledBound(float bound, float lo, float hi) {
    if (bound == Float.NEGATIVE_INFINITY) {
      return bound;
    }
    return bound >= 0 ? bound / hi : bound / lo;
  }

  /**
   * Tokens of one query token that passed the running threshold: growable parallel arrays. The doc
   * and position are carried rather than looked up by ref later: by then the refs are scattered
   * over the segment's token arrays and each lookup was a cache miss (seen in a profile).
   */
  private static final class Candidates {
    float[] scores;
    int[] segments;
    int[] docs;
    int[] positions;
    /** After {@link #keep}: each kept token's document row in its segment's maxima. */
    int[] rows;
    int size;

    Candidates(int capacity) {
      scores = new float[capacity];
      segments = new int[capacity];
      docs = new int[capacity];
      positions = new int[capacity];
      rows = new int[capacity];
    }

    /**
     * About as many tokens as pass the running threshold (two to four times k' on SciFact): an
     * allocation profile showed growing from a fixed small size cost more than it saved.
     */
    static int initialCapacity(int kPrime) {
      return (int) Math.min(16_384, Math.max(256, 4L * kPrime));
    }

    void add(float score, int segment, int doc, int position) {
      if (size == scores.length) {
        int n = size * 2;
        scores = Arrays.copyOf(scores, n);
        segments = Arrays.copyOf(segments, n);
        docs = Arrays.copyOf(docs, n);
        positions = Arrays.copyOf(positions, n);
        rows = Arrays.copyOf(rows, n);
      }
      scores[size] = score;
      segments[size] = segment;
      docs[size] = doc;
      positions[size] = position;
      size++;
    }
  }
}

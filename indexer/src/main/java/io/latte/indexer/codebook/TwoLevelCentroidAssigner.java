package io.latte.indexer.codebook;

import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;

/**
 * Approximate nearest-centroid search in two levels (an IVF over the centroids themselves).
 *
 * <p>The centroids are grouped by spherical k-means into {@code G} groups and stored group by group.
 * A batch of vectors is first scored against the {@code G} group centres; each vector keeps its
 * {@code probes} best groups. The batch is then inverted: for every group, the vectors that probe it
 * are gathered and compared with all of the group's centroids, which were packed once at build
 * time, by the same register-blocked kernel as the exact search ({@link
 * VectorKernels#dotMatrix}), so the SIMD kernel still sees many vectors × many centroids and the
 * similarities are bit-identical to the exact ones. (Packing the gathered vectors per group instead
 * cost as much as the dot products.) Cost per
 * vector ≈ {@code G + probes · k / G} dot products instead of {@code k}.
 *
 * <p>A vector whose true nearest centroid lies in a group it did not probe gets the best centroid of
 * the probed groups instead: close in similarity, but a different id. Agreement with {@link
 * ExactCentroidAssigner} is measured in the tests and the benchmark.
 */
final class TwoLevelCentroidAssigner implements CentroidAssigner {

  /** Vectors handled together (and per thread task); larger batches fill the kernel better. */
  static final int BATCH_ROWS = 2048;

  private final int k;
  private final int dim;
  private final int groups;
  private final int probes;
  private final int threads;
  private final float[] groupCentres;
  /** Centroids reordered group by group. */
  private final float[] grouped;
  /** Original centroid id of each row of {@link #grouped}. */
  private final int[] originalId;
  /** Rows {@code [groupStart[g], groupStart[g + 1])} of {@link #grouped} belong to group g. */
  private final int[] groupStart;
  /** The group centres and each group's centroids, packed once for the SIMD kernel. */
  private final PackedVectors packedCentres;
  private final PackedVectors[] packedGroups;
  private final int maxPaddedGroup;

  private TwoLevelCentroidAssigner(
      int k, int dim, int groups, int probes, int threads, float[] groupCentres, float[] grouped,
      int[] originalId, int[] groupStart) {
    this.k = k;
    this.dim = dim;
    this.groups = groups;
    this.probes = probes;
    this.threads = threads;
    this.groupCentres = groupCentres;
    this.grouped = grouped;
    this.originalId = originalId;
    this.groupStart = groupStart;
    this.packedCentres = VectorKernels.pack(groupCentres, 0, groups, dim);
    this.packedGroups = new PackedVectors[groups];
    int maxPadded = 0;
    for (int g = 0; g < groups; g++) {
      packedGroups[g] =
          VectorKernels.pack(grouped, groupStart[g] * dim, groupStart[g + 1] - groupStart[g], dim);
      maxPadded = Math.max(maxPadded, packedGroups[g].paddedRows());
    }
    this.maxPaddedGroup = maxPadded;
  }

  /** The default group count: the power of two nearest to √k. */
  static int defaultGroups(int k) {
    int g = Integer.highestOneBit(Math.max(1, (int) Math.round(Math.sqrt(k))));
    if (g * 2 - Math.sqrt(k) < Math.sqrt(k) - g) {
      g *= 2;
    }
    return Math.min(g, k);
  }

  static TwoLevelCentroidAssigner build(
      float[] centroids, int k, int dim, int coarseClusters, int probes, long seed, int threads) {
    Checks.positive("k", k);
    Parallel.checkThreads(threads);
    if (coarseClusters < 0 || coarseClusters > k) {
      throw new IllegalArgumentException(
          "coarseClusters must be in [0, k=" + k + "] (0 = default), got " + coarseClusters);
    }
    int g = coarseClusters == 0 ? defaultGroups(k) : coarseClusters;
    if (probes < 1 || probes > g) {
      throw new IllegalArgumentException(
          "probes must be in [1, coarseClusters=" + g + "], got " + probes);
    }
    KMeans.Result coarse =
        KMeans.train(
            centroids, k, dim, new KMeans.Options(g, 10, seed, threads, KMeans.Init.RANDOM_SAMPLE),
            null);
    // Keep only non-empty groups, so that every probe finds at least one centroid.
    int[] size = new int[g];
    for (int c = 0; c < k; c++) {
      size[coarse.assignments()[c]]++;
    }
    int[] remap = new int[g];
    int kept = 0;
    for (int j = 0; j < g; j++) {
      remap[j] = size[j] > 0 ? kept++ : -1;
    }
    float[] centres = new float[kept * dim];
    int[] start = new int[kept + 1];
    for (int j = 0; j < g; j++) {
      if (remap[j] >= 0) {
        System.arraycopy(coarse.centroids(), j * dim, centres, remap[j] * dim, dim);
        start[remap[j] + 1] = size[j];
      }
    }
    for (int j = 0; j < kept; j++) {
      start[j + 1] += start[j];
    }
    int[] fill = java.util.Arrays.copyOf(start, kept);
    int[] original = new int[k];
    float[] grouped = new float[k * dim];
    for (int c = 0; c < k; c++) {
      int row = fill[remap[coarse.assignments()[c]]]++;
      original[row] = c;
      System.arraycopy(centroids, c * dim, grouped, row * dim, dim);
    }
    return new TwoLevelCentroidAssigner(
        k, dim, kept, Math.min(probes, kept), threads, centres, grouped, original, start);
  }

  @Override
  public int numCentroids() {
    return k;
  }

  @Override
  public int dim() {
    return dim;
  }

  /** Number of groups. */
  int groups() {
    return groups;
  }

  @Override
  public void assign(
      float[] flat, int off, int rows, int[] centroidOut, float[] similarityOut, int outOff) {
    Checks.range("flat", flat, off, rows, dim);
    Checks.atLeast("centroidOut", centroidOut, outOff + rows);
    Checks.atLeast("similarityOut", similarityOut, outOff + rows);
    Parallel.forRanges(
        threads,
        rows,
        BATCH_ROWS,
        (from, to) -> assignBatch(flat, off + from * dim, to - from, centroidOut, similarityOut,
            outOff + from));
  }

  /** Vectors scored together against one packed group (keeps the score block in L1). */
  private static final int SUB_ROWS = 64;

  private void assignBatch(
      float[] flat, int off, int n, int[] centroidOut, float[] similarityOut, int outOff) {
    // Row j of the kernels' input lives at j * dim: copy the batch so that it starts at row 0.
    float[] batch = java.util.Arrays.copyOfRange(flat, off, off + n * dim);
    // 1. Each vector's best groups.
    int[] probed = new int[n * probes];
    int padCentres = packedCentres.paddedRows();
    float[] scores = new float[SUB_ROWS * Math.max(padCentres, maxPaddedGroup)];
    float[] topScore = new float[probes];
    for (int s0 = 0; s0 < n; s0 += SUB_ROWS) {
      int s1 = Math.min(n, s0 + SUB_ROWS);
      VectorKernels.dotMatrix(packedCentres, batch, s0, s1, scores, 0, padCentres);
      for (int i = s0; i < s1; i++) {
        topP(scores, (i - s0) * padCentres, probed, i * probes, topScore);
      }
    }
    // 2. Invert: vectors per group, in vector order.
    int[] start = new int[groups + 1];
    for (int x : probed) {
      start[x + 1]++;
    }
    for (int g = 0; g < groups; g++) {
      start[g + 1] += start[g];
    }
    int[] fill = java.util.Arrays.copyOf(start, groups);
    int[] members = new int[n * probes];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < probes; p++) {
        int g = probed[i * probes + p];
        members[fill[g]++] = i;
      }
    }
    // 3. Exact search inside each probed group: gathered vectors (plain copies) against the
    // group's pre-packed centroids, then a scan of each score row.
    float[] best = new float[n];
    int[] bestId = new int[n];
    java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
    java.util.Arrays.fill(bestId, Integer.MAX_VALUE);
    float[] buffer = new float[SUB_ROWS * dim];
    for (int g = 0; g < groups; g++) {
      PackedVectors pg = packedGroups[g];
      int size = pg.rows();
      int pad = pg.paddedRows();
      int base = groupStart[g];
      for (int m0 = start[g]; m0 < start[g + 1]; m0 += SUB_ROWS) {
        int m1 = Math.min(start[g + 1], m0 + SUB_ROWS);
        for (int m = m0; m < m1; m++) {
          System.arraycopy(batch, members[m] * dim, buffer, (m - m0) * dim, dim);
        }
        VectorKernels.dotMatrix(pg, buffer, 0, m1 - m0, scores, 0, pad);
        for (int m = m0; m < m1; m++) {
          int row = (m - m0) * pad;
          int arg = 0;
          float s = scores[row];
          for (int c = 1; c < size; c++) {
            if (scores[row + c] > s) {
              s = scores[row + c];
              arg = c;
            }
          }
          int i = members[m];
          int id = originalId[base + arg];
          if (s > best[i] || (s == best[i] && id < bestId[i])) {
            best[i] = s;
            bestId[i] = id;
          }
        }
      }
    }
    System.arraycopy(bestId, 0, centroidOut, outOff, n);
    if (similarityOut != null) {
      System.arraycopy(best, 0, similarityOut, outOff, n);
    }
  }

  /** The {@code probes} highest scores' indices (ties: lower index) into {@code out[off..]}. */
  private void topP(float[] scores, int sOff, int[] out, int off, float[] topScore) {
    int filled = 0;
    for (int g = 0; g < groups; g++) {
      float s = scores[sOff + g];
      if (filled == probes && !(s > topScore[probes - 1])) {
        continue;
      }
      int pos = filled == probes ? probes - 1 : filled++;
      while (pos > 0 && s > topScore[pos - 1]) {
        topScore[pos] = topScore[pos - 1];
        out[off + pos] = out[off + pos - 1];
        pos--;
      }
      topScore[pos] = s;
      out[off + pos] = g;
    }
  }
}

package io.latte.searcher.xtr;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.ResidualScorer;

/**
 * The factor each scanned token's similarity is multiplied by when the codebook decodes to unit
 * length ({@link Codebook#normalizesDecoded()}): {@link Codebook#decodedScale}, computed from the
 * token's codes where they lie in a scan block (byte {@code t} of token {@code i} at {@code t · 64 +
 * i}) through the cluster's squared-length tables ({@link Codebook#squaredLengthTables}), with no
 * decode. Only tokens that pass the fast-scan kernel's bound need it, so the tables of a cluster are
 * built when its first such token appears. Not thread-safe: one per search.
 */
final class DecodedScales {
  private final Codebook codebook;
  private final int bytes;
  private final float[] tables;
  private int centroid = -1;
  private float centroidLength2;

  private DecodedScales(Codebook codebook) {
    this.codebook = codebook;
    this.bytes = codebook.bytesPerVector();
    this.tables = new float[32 * bytes];
  }

  /** Scales for {@code codebook}, or null when it does not normalise (every factor would be 1). */
  static DecodedScales of(Codebook codebook) {
    return codebook.normalizesDecoded() ? new DecodedScales(codebook) : null;
  }

  /** The factor of token {@code token} of a block of {@code centroid}'s cluster. */
  float scale(int centroid, byte[] block, int token) {
    if (centroid != this.centroid) {
      centroidLength2 = codebook.squaredLengthTables(centroid, tables);
      this.centroid = centroid;
    }
    float entries = ResidualScorer.sumOfNibbleEntries(tables, 0, bytes, block, token, FastScanKernel.BLOCK);
    return Codebook.scaleForSquaredLength(centroidLength2 + entries);
  }

  /**
   * The least unscaled similarity a token needs for its scaled one to possibly exceed {@code bound}:
   * every factor lies in {@code [1/M, M]} ({@link Codebook#MAX_DECODE_SCALE}).
   */
  static float unscaledBound(float bound) {
    if (bound == Float.NEGATIVE_INFINITY) {
      return bound;
    }
    return bound >= 0 ? bound / Codebook.MAX_DECODE_SCALE : bound * Codebook.MAX_DECODE_SCALE;
  }

  /** The widest range scaled similarities of unscaled ones in {@code [lo, hi]} can take. */
  static float scaledLow(float lo) {
    return lo >= 0 ? lo / Codebook.MAX_DECODE_SCALE : lo * Codebook.MAX_DECODE_SCALE;
  }

  static float scaledHigh(float hi) {
    return hi >= 0 ? hi * Codebook.MAX_DECODE_SCALE : hi / Codebook.MAX_DECODE_SCALE;
  }
}

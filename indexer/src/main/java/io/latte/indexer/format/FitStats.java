package io.latte.indexer.format;

import java.util.Locale;

/**
 * How well the codebook fitted the tokens written by some run, accumulated while compressing them
 * (the index keeps only compressed tokens, so fit cannot be measured afterwards). All sums are in
 * the codebook's (projected) space.
 *
 * @param tokens tokens measured
 * @param sumSquaredError Σ |x - decode(encode(x))|²
 * @param sumSquaredNorm Σ |x|², to turn the error into a relative one
 * @param sumCentroidSimilarity Σ x · centroid(x): drops when new data drifts away from the centroids
 */
public record FitStats(
    long tokens, double sumSquaredError, double sumSquaredNorm, double sumCentroidSimilarity) {

  public static final FitStats EMPTY = new FitStats(0, 0, 0, 0);

  public FitStats plus(FitStats o) {
    return new FitStats(
        tokens + o.tokens,
        sumSquaredError + o.sumSquaredError,
        sumSquaredNorm + o.sumSquaredNorm,
        sumCentroidSimilarity + o.sumCentroidSimilarity);
  }

  /** Mean squared quantisation error per token, NaN when no tokens. */
  public double meanSquaredError() {
    return tokens == 0 ? Double.NaN : sumSquaredError / tokens;
  }

  /** Error relative to the tokens' energy ({@code Σ err / Σ |x|²}), NaN when no tokens. */
  public double relativeError() {
    return sumSquaredNorm == 0 ? Double.NaN : sumSquaredError / sumSquaredNorm;
  }

  /** Mean dot product of a token with its centroid, NaN when no tokens. */
  public double meanCentroidSimilarity() {
    return tokens == 0 ? Double.NaN : sumCentroidSimilarity / tokens;
  }

  /** {@code tokens;sse;ssn;scs}, exact (hex floats) so commits round-trip. */
  String encode() {
    return String.format(
        Locale.ROOT, "%d;%s;%s;%s", tokens, Double.toHexString(sumSquaredError),
        Double.toHexString(sumSquaredNorm), Double.toHexString(sumCentroidSimilarity));
  }

  static FitStats decode(String s) {
    String[] p = s.split(";");
    if (p.length != 4) {
      throw new IllegalArgumentException("fit stats must have 4 fields, got \"" + s + "\"");
    }
    return new FitStats(
        Long.parseLong(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]));
  }
}

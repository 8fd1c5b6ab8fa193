package io.latte.eval.regress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One regression file ({@code regressions/<name>.json}).
 *
 * @param name the collection's name (the file is {@code <name>.json})
 * @param dataset BEIR folder, relative to the repository root (the regressions folder's parent)
 * @param split qrels split
 * @param quick part of the quick set ({@code latte regress --quick}, run by the test suite)
 * @param index settings of the index the modes search
 * @param modes searcher modes (xtr, colbert, exact, bm25, hybrid, muvera); float exact MaxSim over
 *     the uncompressed vectors is always run as the reference, under the name {@value
 *     RegressionRunner#FLOAT_EXACT}
 * @param tolerance largest accepted absolute difference of a measure from its expected value
 * @param expected per mode, the measured values a {@code --record} run wrote; empty until then
 */
public record RegressionSpec(
    String name, String dataset, String split, boolean quick, IndexSettings index, List<String> modes,
    double tolerance, Map<String, Expected> expected) {

  /** Default accepted deviation: about one query's worth of nDCG@10 on a 200-query collection. */
  public static final double DEFAULT_TOLERANCE = 0.005;

  public RegressionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    split = split == null ? "test" : split;
    index = index == null ? IndexSettings.DEFAULTS : index;
    modes = modes == null ? List.of("exact", "xtr", "colbert", "bm25", "hybrid") : List.copyOf(modes);
    if (!(tolerance > 0)) {
      tolerance = DEFAULT_TOLERANCE;
    }
    expected = expected == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expected));
  }

  /**
   * Index settings, as {@code latte index} options (0 / null = that option's default).
   *
   * @param bits residual bits
   * @param dims PCA projection dimensions
   * @param centroids centroid count
   * @param language BM25 analyzer language
   * @param muvera whether documents get MUVERA encodings (needed by mode muvera)
   * @param token_scale {@code latte index --[no-]token-scale} (absent = the default, on)
   */
  public record IndexSettings(int bits, int dims, int centroids, String language, boolean muvera,
      Boolean token_scale) {
    public static final IndexSettings DEFAULTS = new IndexSettings(0, 0, 0, null, false, null);
  }

  /** Measured values of one mode. */
  public record Expected(double ndcg_cut_10, double recall_100) {}

  /** The same spec with these expected values. */
  public RegressionSpec withExpected(Map<String, Expected> values) {
    return new RegressionSpec(name, dataset, split, quick, index, modes, tolerance, values);
  }
}

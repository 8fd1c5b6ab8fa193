package io.latte.indexer.muvera;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;

/** Rank statistics for the correlation tests. */
final class Ranks {
  private Ranks() {}

  static double pearson(double[] a, double[] b) {
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - ma) * (b[i] - mb);
      aa += (a[i] - ma) * (a[i] - ma);
      bb += (b[i] - mb) * (b[i] - mb);
    }
    return ab / Math.sqrt(aa * bb);
  }

  static double spearman(double[] a, double[] b) {
    return pearson(ranks(a), ranks(b));
  }

  private static double[] ranks(double[] a) {
    Integer[] idx = new Integer[a.length];
    for (int i = 0; i < a.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> a[i]));
    double[] r = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      r[idx[i]] = i;
    }
    return r;
  }

  /** Indices of the {@code k} largest values, best first (ties: lower index). */
  static int[] top(double[] s, int k) {
    Integer[] idx = new Integer[s.length];
    for (int i = 0; i < s.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (x, y) -> s[x] != s[y] ? Double.compare(s[y], s[x]) : Integer.compare(x, y));
    int[] out = new int[Math.min(k, s.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = idx[i];
    }
    return out;
  }

  /** Fraction of {@code truth} found in {@code candidates}. */
  static double recall(int[] truth, int[] candidates) {
    Set<Integer> c = new HashSet<>();
    for (int x : candidates) {
      c.add(x);
    }
    int n = 0;
    for (int x : truth) {
      if (c.contains(x)) {
        n++;
      }
    }
    return (double) n / truth.length;
  }
}

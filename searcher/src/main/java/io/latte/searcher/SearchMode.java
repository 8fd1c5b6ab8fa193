package io.latte.searcher;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The retrieval modes of {@link LatteSearcher}; each is a composition of named stages. */
public enum SearchMode {
  /** XTR/WARP token retrieval over the probed clusters with missing-similarity imputation. */
  XTR(true),
  /** PLAID-style: token-retrieval candidates re-scored by exact MaxSim over their full token matrices. */
  COLBERT(true),
  /** MUVERA: HNSW over one fixed-dimensional encoding per document; candidates re-scored by exact MaxSim. */
  MUVERA(true),
  /** Exhaustive MaxSim over every (filtered, live) document: the oracle. */
  EXACT(true),
  /** Lucene BM25 over title + text. */
  BM25(false),
  /** Fusion of BM25 with a late-interaction mode ({@link SearchParams#hybridWith()}). */
  HYBRID(true);

  private final boolean needsVectors;

  SearchMode(boolean needsVectors) {
    this.needsVectors = needsVectors;
  }

  /** Whether the query must be encoded for this mode. */
  public boolean needsVectors() {
    return needsVectors;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a mode name, any case; an unknown one is an error listing the known names. */
  public static SearchMode parse(String name) {
    for (SearchMode m : values()) {
      if (m.label().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown mode '" + name + "'; choose from " + names());
  }

  /** Comma-separated names, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(SearchMode::label).collect(Collectors.joining(","));
  }
}

package io.latte.server.cli;

import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Search parameters shared by search, eval and bench; unset options keep {@link SearchParams#defaults()}. */
public final class SearchOptions {
  @Option(names = "--nprobe", paramLabel = "N", description = "Clusters probed per query token (default: from the index's statistics, see README).")
  Integer nprobe;

  @Option(names = "--k-prime", paramLabel = "N", description = "XTR imputation: k'-th retrieved similarity (default: from the index's statistics).")
  Integer kPrime;

  @Option(names = "--t-prime", paramLabel = "N", description = "WARP imputation: cumulative cluster size t' (default " + SearchParams.DEFAULT_T_PRIME + ").")
  Long tPrime;

  @Option(names = "--imputation", paramLabel = "xtr|warp", description = "Missing-similarity imputation (default xtr).")
  String imputation;

  @Option(names = "--candidates", paramLabel = "N", description = "Documents re-scored exactly by colbert and muvera / fused by hybrid (default: from the"
      + " index's statistics).")
  Integer candidates;

  @Option(names = "--fusion", paramLabel = "rrf|linear|adaptive", description = "Hybrid fusion (default adaptive: a blend weighted per query by each ranking's confidence).")
  String fusion;

  @Option(names = "--hybrid-with", paramLabel = "MODE", description = "Late-interaction mode fused with BM25 by hybrid (default xtr).")
  String hybridWith;

  @Option(names = "--hybrid-weight", paramLabel = "W", description = "With --fusion linear: weight of the late-interaction score in [0,1] (default " + SearchParams.DEFAULT_HYBRID_WEIGHT + ").")
  Float hybridWeight;

  @Option(names = "--rrf-k", paramLabel = "N", description = "Reciprocal-rank fusion constant (default " + SearchParams.DEFAULT_RRF_K + ").")
  Integer rrfK;

  SearchParams params(int k) {
    SearchParams p = SearchParams.defaults().withK(k);
    if (nprobe != null) {
      p = p.withNprobe(nprobe);
    }
    if (kPrime != null) {
      p = p.withKPrime(kPrime);
    }
    if (tPrime != null) {
      p = p.withTPrime(tPrime);
    }
    if (imputation != null) {
      p = p.withImputation(parse(SearchParams.Imputation.class, imputation, "--imputation"));
    }
    if (candidates != null) {
      p = p.withCandidates(candidates);
    }
    if (fusion != null) {
      p = p.withFusion(parse(SearchParams.Fusion.class, fusion, "--fusion"));
    }
    if (hybridWith != null) {
      p = p.withHybridWith(SearchMode.parse(hybridWith));
    }
    if (hybridWeight != null) {
      p = p.withHybridWeight(hybridWeight);
    }
    if (rrfK != null) {
      p = p.withRrfK(rrfK);
    }
    return p;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be one of "
          + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + value + "'", e);
    }
  }
}

package io.latte.server.http.search;

import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import io.latte.server.http.api.SearchParamsBody;
import java.util.Arrays;
import java.util.Locale;

/** {@link SearchParamsBody} onto {@link SearchParams}: absent fields keep the defaults. */
final class SearchParamsMapper {
  private SearchParamsMapper() {}

  /** @throws IllegalArgumentException naming the parameter when a value is out of range or unknown */
  static SearchParams apply(SearchParams base, SearchParamsBody b) {
    if (b == null) {
      return base;
    }
    SearchParams p = base;
    if (b.nprobe() != null) {
      p = p.withNprobe(b.nprobe());
    }
    if (b.kPrime() != null) {
      p = p.withKPrime(capped("k_prime", b.kPrime(), SearchParamsBody.MAX_K_PRIME));
    }
    if (b.tPrime() != null) {
      p = p.withTPrime(b.tPrime());
    }
    if (b.imputation() != null) {
      p = p.withImputation(parse(SearchParams.Imputation.class, b.imputation(), "imputation"));
    }
    if (b.candidates() != null) {
      p = p.withCandidates(capped("candidates", b.candidates(), SearchParamsBody.MAX_CANDIDATES));
    }
    if (b.fusion() != null) {
      p = p.withFusion(parse(SearchParams.Fusion.class, b.fusion(), "fusion"));
    }
    if (b.hybridWith() != null) {
      p = p.withHybridWith(SearchMode.parse(b.hybridWith()));
    }
    if (b.hybridWeight() != null) {
      p = p.withHybridWeight(b.hybridWeight());
    }
    if (b.rrfK() != null) {
      p = p.withRrfK(b.rrfK());
    }
    return p;
  }

  /** The server-wide cap, above the engine's own ranges: it bounds what one request may allocate. */
  private static int capped(String name, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException(name + " must be at most " + max + " (the server's limit), got " + value);
    }
    return value;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " must be one of "
          + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT) + ", got '" + value + "'", e);
    }
  }
}

package io.latte.eval.harness;

import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries of one evaluation, encoded once up front so that mode latencies measure search
 * only; the encoding latency of each query is kept separately.
 */
public final class QuerySet {
  private final List<String> ids;
  private final List<String> texts;
  private final List<EncodedText> encoded;
  private final double[] encodeMillis;

  private QuerySet(List<String> ids, List<String> texts, List<EncodedText> encoded, double[] encodeMillis) {
    this.ids = List.copyOf(ids);
    this.texts = List.copyOf(texts);
    this.encoded = encoded;
    this.encodeMillis = encodeMillis;
  }

  /** Text-only queries (BM25 needs no encoder). */
  public static QuerySet textOnly(List<String> ids, List<String> texts) {
    return new QuerySet(ids, texts, null, new double[0]);
  }

  /** Queries encoded elsewhere (e.g. vectors only, as the scale benchmark's tests give them); no timings. */
  public static QuerySet ofEncoded(List<String> ids, List<String> texts, List<EncodedText> encoded) {
    if (ids.size() != texts.size() || ids.size() != encoded.size()) {
      throw new IllegalArgumentException("ids, texts and encoded queries must have equal length");
    }
    return new QuerySet(ids, texts, List.copyOf(encoded), new double[0]);
  }

  /** Encodes each query alone, as a user's query would be, timing each call. */
  public static QuerySet encode(List<String> ids, List<String> texts, TokenEncoder encoder) {
    if (!texts.isEmpty()) {
      encoder.encodeQuery(texts.get(0)); // warm-up: the first call pays for lazy initialisation
    }
    List<EncodedText> encoded = new ArrayList<>(texts.size());
    double[] millis = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long t0 = System.nanoTime();
      encoded.add(encoder.encodeQuery(texts.get(i)));
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    return new QuerySet(ids, texts, encoded, millis);
  }

  public int size() {
    return ids.size();
  }

  public String id(int q) {
    return ids.get(q);
  }

  public String text(int q) {
    return texts.get(q);
  }

  public boolean isEncoded() {
    return encoded != null;
  }

  public EncodedText encoded(int q) {
    if (encoded == null) {
      throw new IllegalStateException("queries were not encoded");
    }
    return encoded.get(q);
  }

  /** Per-query encoding latency in milliseconds (empty when not encoded). */
  public double[] encodeMillis() {
    return encodeMillis.clone();
  }
}

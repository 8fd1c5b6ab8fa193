package io.latte.indexer.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Flattens a document's JSON metadata into typed (key, value) pairs: nested objects become dotted
 * keys ({@code {"a": {"b": 1}}} → {@code a.b}), lists give one value per element, nulls are dropped.
 */
public final class MetadataValues {

  /** Objects nested deeper than this are rejected (runaway or adversarial JSON). */
  public static final int MAX_DEPTH = 8;

  /**
   * Most values one document's metadata may flatten to: each is an indexed field value, and a
   * document with millions of them (one request can carry that many) would stall the writer.
   */
  public static final int MAX_VALUES = 4096;

  /** Longest (dotted) key, in characters: every key becomes a Lucene field name in the schema. */
  public static final int MAX_KEY_CHARS = 256;

  /** Lucene's limit on a term's length, in UTF-8 bytes. */
  public static final int MAX_KEYWORD_BYTES = 32766;

  /**
   * Top-level keys a document may not use: filters address the document id as {@code id} (or {@code
   * _id}), so metadata under these names would be shadowed, unfilterable, and listed twice in errors.
   */
  public static final java.util.Set<String> RESERVED_KEYS = java.util.Set.of("id", "_id");

  /** One value: {@code value} is a String, Long or Double according to {@code type}. */
  public record Value(String key, MetadataType type, Object value) {}

  private MetadataValues() {}

  /**
   * @throws IllegalArgumentException naming the key when a value cannot be indexed (too deep, too
   *     long, a number out of range)
   */
  public static List<Value> flatten(Map<String, Object> metadata) {
    List<Value> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : metadata.entrySet()) {
      if (RESERVED_KEYS.contains(e.getKey())) {
        throw new IllegalArgumentException("metadata key \"" + e.getKey() + "\" is reserved (filters address the "
            + "document id as id and _id); rename it");
      }
      add(e.getKey(), e.getValue(), 1, out);
    }
    return out;
  }

  private static void add(String key, Object v, int depth, List<Value> out) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("metadata key must not be empty");
    }
    if (out.size() >= MAX_VALUES) {
      throw new IllegalArgumentException("metadata holds more than " + MAX_VALUES + " values");
    }
    if (key.length() > MAX_KEY_CHARS) {
      throw new IllegalArgumentException("metadata key \"" + key.substring(0, 40) + "…\" is longer than "
          + MAX_KEY_CHARS + " characters");
    }
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(
          "metadata \"" + key + "\" is nested more than " + MAX_DEPTH + " levels deep");
    }
    switch (v) {
      case null -> {}
      case String s -> {
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_KEYWORD_BYTES) {
          throw new IllegalArgumentException(
              "metadata \"" + key + "\" is longer than " + MAX_KEYWORD_BYTES + " UTF-8 bytes");
        }
        out.add(new Value(key, MetadataType.KEYWORD, s));
      }
      case Boolean b -> out.add(new Value(key, MetadataType.KEYWORD, b.toString()));
      case Integer i -> out.add(new Value(key, MetadataType.LONG, (long) i));
      case Long l -> out.add(new Value(key, MetadataType.LONG, l));
      case Short s -> out.add(new Value(key, MetadataType.LONG, (long) s));
      case BigInteger bi -> {
        if (bi.bitLength() > 63) {
          throw new IllegalArgumentException("metadata \"" + key + "\" integer " + bi + " does not fit in 64 bits");
        }
        out.add(new Value(key, MetadataType.LONG, bi.longValue()));
      }
      case Double d -> out.add(new Value(key, MetadataType.DOUBLE, finite(key, d)));
      case Float f -> out.add(new Value(key, MetadataType.DOUBLE, finite(key, f.doubleValue())));
      case BigDecimal bd -> out.add(new Value(key, MetadataType.DOUBLE, finite(key, bd.doubleValue())));
      case Collection<?> list -> {
        for (Object element : list) {
          if (element instanceof Collection<?>) {
            throw new IllegalArgumentException("metadata \"" + key + "\" holds a list inside a list");
          }
          add(key, element, depth + 1, out);
        }
      }
      case Map<?, ?> map -> {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          add(key + "." + e.getKey(), e.getValue(), depth + 1, out);
        }
      }
      default -> throw new IllegalArgumentException(
          "metadata \"" + key + "\" has an unsupported value type " + v.getClass().getSimpleName());
    }
  }

  private static double finite(String key, double d) {
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("metadata \"" + key + "\" is not a finite number: " + d);
    }
    return d;
  }
}

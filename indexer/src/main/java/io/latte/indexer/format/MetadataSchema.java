package io.latte.indexer.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link MetadataType} of every metadata key in the index, stored as JSON in the commit user data
 * ({@link CommitData#KEY_SCHEMA}). Immutable: {@link #accept} returns a new schema when a document
 * brings a new key.
 *
 * <p>Compatibility rule: a LONG value is accepted for a DOUBLE key (widened); anything else that
 * disagrees with the key's type makes the document bad, with a message naming the key and both
 * types, rather than silently mixing encodings that Lucene could not tell apart.
 */
public final class MetadataSchema {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MetadataSchema EMPTY = new MetadataSchema(Map.of());

  private final Map<String, MetadataType> types;

  private MetadataSchema(Map<String, MetadataType> types) {
    this.types = Collections.unmodifiableMap(new TreeMap<>(types));
  }

  public static MetadataSchema empty() {
    return EMPTY;
  }

  /** Key → type, sorted by key. */
  public Map<String, MetadataType> types() {
    return types;
  }

  /** The type of {@code key}, or null when no document has it. */
  public MetadataType type(String key) {
    return types.get(key);
  }

  /**
   * Checks a document's values against this schema and returns the schema extended with any new
   * keys ({@code this} when nothing is new). Values are coerced in place where allowed.
   *
   * @throws IllegalArgumentException naming the key when a value's type conflicts
   */
  public MetadataSchema accept(List<MetadataValues.Value> values) {
    Map<String, MetadataType> added = null;
    for (int i = 0; i < values.size(); i++) {
      MetadataValues.Value v = values.get(i);
      MetadataType known = types.get(v.key());
      if (known == null && added != null) {
        known = added.get(v.key());
      }
      if (known == null) {
        if (added == null) {
          added = new TreeMap<>(types);
        }
        added.put(v.key(), v.type());
      } else if (known != v.type()) {
        if (known == MetadataType.DOUBLE && v.type() == MetadataType.LONG) {
          values.set(i, new MetadataValues.Value(v.key(), known, ((Long) v.value()).doubleValue()));
        } else {
          throw new IllegalArgumentException(
              "metadata \"" + v.key() + "\" is " + v.type().jsonName() + " (" + v.value()
                  + ") but the index holds " + known.jsonName() + " values for it");
        }
      }
    }
    return added == null ? this : new MetadataSchema(added);
  }

  String toJson() {
    Map<String, String> m = new TreeMap<>();
    types.forEach((k, t) -> m.put(k, t.jsonName()));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise metadata schema", e);
    }
  }

  static MetadataSchema fromJson(String json, String resource) throws org.apache.lucene.index.CorruptIndexException {
    try {
      Map<String, String> m = JSON.readValue(json, new TypeReference<Map<String, String>>() {});
      Map<String, MetadataType> types = new TreeMap<>();
      m.forEach((k, t) -> types.put(k, MetadataType.fromJson(t)));
      return new MetadataSchema(types);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new org.apache.lucene.index.CorruptIndexException(
          "commit user data: metadata schema is not valid: " + e.getMessage(), resource, e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetadataSchema s && s.types.equals(types);
  }

  @Override
  public int hashCode() {
    return types.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }
}

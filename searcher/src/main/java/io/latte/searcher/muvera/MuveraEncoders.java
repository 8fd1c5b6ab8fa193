package io.latte.searcher.muvera;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.indexer.muvera.MuveraField;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

/**
 * The query-side encoder of an index's MUVERA field, rebuilt from the config each segment records in
 * the field's attributes ({@link MuveraField}) — the config the document vectors were made with.
 *
 * <p>Encoders are cached by (config, dimension): building one draws its random matrices (≈0.2 ms at
 * the defaults and 384 dimensions), which is not worth repeating per query, and an index has one
 * config. The cache is tiny and bounded.
 */
public final class MuveraEncoders {
  private static final int MAX_CACHED = 8;

  private record Key(FdeConfig config, int inputDim) {}

  private static final Map<Key, FixedDimensionalEncoder> CACHE = new ConcurrentHashMap<>();

  private MuveraEncoders() {}

  /**
   * The encoder for queries in the codebook's space ({@code dim} floats per token), or empty when no
   * segment of {@code reader} has the field.
   *
   * @throws CorruptIndexException when segments disagree on the config, or it was made for another
   *     dimension than the codebook's
   */
  public static Optional<FixedDimensionalEncoder> forIndex(IndexReader reader, int dim) throws CorruptIndexException {
    FdeConfig config = null;
    String first = null;
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(LatteIndexFormat.FIELD_MUVERA);
      if (fi == null) {
        continue;
      }
      String where = leaf.reader().toString();
      FdeConfig c;
      try {
        c = MuveraField.config(fi.attributes());
      } catch (IllegalArgumentException e) {
        throw new CorruptIndexException("field " + LatteIndexFormat.FIELD_MUVERA + ": " + e.getMessage(), where, e);
      }
      if (c == null) {
        throw new CorruptIndexException(
            "field " + LatteIndexFormat.FIELD_MUVERA + " has no MUVERA config in its attributes", where);
      }
      int recordedDim = MuveraField.inputDim(fi.attributes());
      if (recordedDim != dim) {
        throw new CorruptIndexException("field " + LatteIndexFormat.FIELD_MUVERA + " was encoded from "
            + recordedDim + "-d token vectors but the codebook's dimension is " + dim, where);
      }
      if (config == null) {
        config = c;
        first = where;
      } else if (!config.equals(c)) {
        throw new CorruptIndexException("segments disagree on the MUVERA config: " + config + " in " + first
            + " vs " + c, where);
      }
    }
    return config == null ? Optional.empty() : Optional.of(encoder(config, dim));
  }

  static FixedDimensionalEncoder encoder(FdeConfig config, int dim) {
    Key key = new Key(config, dim);
    FixedDimensionalEncoder e = CACHE.get(key);
    if (e == null) {
      if (CACHE.size() >= MAX_CACHED) {
        CACHE.clear();
      }
      e = CACHE.computeIfAbsent(key, k -> new FixedDimensionalEncoder(k.config(), k.inputDim()));
    }
    return e;
  }
}

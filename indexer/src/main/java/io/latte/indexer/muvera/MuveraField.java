package io.latte.indexer.muvera;

import io.latte.indexer.format.LatteIndexFormat;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The index-side adapter: a document's encoding as the Lucene field {@value
 * LatteIndexFormat#FIELD_MUVERA} that the searcher's HNSW query reads.
 *
 * <p><b>Similarity: {@link VectorSimilarityFunction#MAXIMUM_INNER_PRODUCT}.</b> The encoding's dot
 * product is the Chamfer estimate, and its length carries information: a document's norm grows with
 * how many buckets it fills with distinct directions. {@code DOT_PRODUCT} requires unit vectors and
 * {@code COSINE} would normalise them away, changing the ranking; normalising only the query would
 * be harmless but pointless. Lucene's MIP score is a monotone transform of the dot product, so HNSW
 * candidates come in Chamfer-estimate order.
 *
 * <p><b>Self-describing segments.</b> The config is recorded in the field's attributes (stored by
 * Lucene in each segment's field infos), so a reader can rebuild the query encoder from the segments
 * that hold the vectors, whatever the index meta says ({@link #config(Map)}). Lucene itself refuses a
 * second dimension or similarity for the field; the writer must keep the config of an existing index
 * when appending (the attributes of merged segments are those of the last segment merged).
 */
public final class MuveraField {

  /** Lucene's HNSW limit ({@code KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS}). */
  public static final int MAX_DIMENSION = KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS;

  public static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;

  static final String ATTR_PREFIX = "latte.muvera.";
  static final String ATTR_REPETITIONS = ATTR_PREFIX + "repetitions";
  static final String ATTR_SIMHASH_BITS = ATTR_PREFIX + "simhash_bits";
  static final String ATTR_PROJECTION_DIM = ATTR_PREFIX + "projection_dim";
  static final String ATTR_FINAL_DIM = ATTR_PREFIX + "final_dim";
  static final String ATTR_SEED = ATTR_PREFIX + "seed";
  static final String ATTR_INPUT_DIM = ATTR_PREFIX + "input_dim";

  private MuveraField() {}

  /**
   * Checks that the encoder's vectors fit Lucene's HNSW format; call once when a writer starts so a
   * bad config fails before any document is read.
   */
  public static void check(FixedDimensionalEncoder encoder) {
    Objects.requireNonNull(encoder, "encoder");
    if (encoder.dimension() > MAX_DIMENSION) {
      throw new IllegalArgumentException(
          "MUVERA encoding dimension must be <= " + MAX_DIMENSION + " (Lucene's HNSW limit), got "
              + encoder.dimension() + " for " + encoder.config() + "; lower repetitions, simhashBits or"
              + " projectionDim, or set finalDim");
    }
  }

  /** The field type of an encoder's vectors, its config in the attributes. */
  public static FieldType fieldType(FixedDimensionalEncoder encoder) {
    check(encoder);
    FieldType t = new FieldType(KnnFloatVectorField.createFieldType(encoder.dimension(), SIMILARITY));
    FdeConfig c = encoder.config();
    t.putAttribute(ATTR_REPETITIONS, Integer.toString(c.repetitions()));
    t.putAttribute(ATTR_SIMHASH_BITS, Integer.toString(c.simhashBits()));
    t.putAttribute(ATTR_PROJECTION_DIM, Integer.toString(c.projectionDim()));
    t.putAttribute(ATTR_FINAL_DIM, Integer.toString(c.finalDim()));
    t.putAttribute(ATTR_SEED, Long.toString(c.seed()));
    t.putAttribute(ATTR_INPUT_DIM, Integer.toString(encoder.inputDim()));
    t.freeze();
    return t;
  }

  /**
   * The field of one document.
   *
   * @param projectedTokens the document's token vectors in the codebook's space (after the index's
   *     projection, before quantisation), row-major {@code tokens × encoder.inputDim()}
   * @param tokens number of token vectors (0 gives the zero vector, which MIP accepts)
   */
  public static KnnFloatVectorField create(FixedDimensionalEncoder encoder, float[] projectedTokens, int tokens) {
    return create(fieldType(encoder), encoder, projectedTokens, tokens);
  }

  /** {@link #create(FixedDimensionalEncoder, float[], int)} reusing a {@link #fieldType} (one per writer). */
  public static KnnFloatVectorField create(
      FieldType type, FixedDimensionalEncoder encoder, float[] projectedTokens, int tokens) {
    return new KnnFloatVectorField(
        LatteIndexFormat.FIELD_MUVERA, encoder.encodeDocument(projectedTokens, tokens), type);
  }

  /**
   * The field of an encoding computed elsewhere (e.g. next to the quantisation, where the float
   * vectors are), with a {@link #fieldType} of the encoder that made it.
   */
  public static KnnFloatVectorField create(FieldType type, float[] encoding) {
    Objects.requireNonNull(encoding, "encoding");
    if (encoding.length != type.vectorDimension()) {
      throw new IllegalArgumentException(
          "encoding.length must be the field's dimension " + type.vectorDimension() + ", got " + encoding.length);
    }
    return new KnnFloatVectorField(LatteIndexFormat.FIELD_MUVERA, encoding, type);
  }

  /**
   * The config recorded by {@link #fieldType} in a field's attributes, or null when there is none.
   *
   * @throws IllegalArgumentException when the attributes are present but malformed (naming the key)
   */
  public static FdeConfig config(Map<String, String> attributes) {
    if (attributes == null || attributes.get(ATTR_REPETITIONS) == null) {
      return null;
    }
    return new FdeConfig(
        intAttr(attributes, ATTR_REPETITIONS), intAttr(attributes, ATTR_SIMHASH_BITS),
        intAttr(attributes, ATTR_PROJECTION_DIM), intAttr(attributes, ATTR_FINAL_DIM),
        Long.parseLong(required(attributes, ATTR_SEED)));
  }

  /** The input (codebook) dimension recorded with the config, or -1 when there is none. */
  public static int inputDim(Map<String, String> attributes) {
    return attributes == null || attributes.get(ATTR_INPUT_DIM) == null ? -1 : intAttr(attributes, ATTR_INPUT_DIM);
  }

  private static int intAttr(Map<String, String> a, String key) {
    try {
      return Integer.parseInt(required(a, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field attribute " + key + " must be an integer, got " + a.get(key), e);
    }
  }

  private static String required(Map<String, String> a, String key) {
    String v = a.get(key);
    if (v == null) {
      throw new IllegalArgumentException("field attribute " + key + " is missing");
    }
    return v;
  }
}

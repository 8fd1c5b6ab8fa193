package io.latte.models;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How to run one model: the contents of {@code latte-model.json}, which travels with the model so
 * that nothing model-specific is hard-coded in Java.
 *
 * <p>JSON field names are the component names below (camelCase). Only {@code name}, {@code output}
 * and {@code dim} are required; every other field has the documented default. Unknown fields are an
 * error, so a misspelt option cannot be silently ignored. Example (a ColBERT-style export):
 *
 * <pre>{@code
 * {
 *   "name": "colbertv2-onnx",
 *   "output": "contextual",
 *   "dim": 128,
 *   "pooling": "none",
 *   "queryMarker": "[unused0]",
 *   "documentMarker": "[unused1]",
 *   "queryMaxLength": 32,
 *   "documentMaxLength": 180,
 *   "queryAugmentation": true,
 *   "skiplist": [".", ",", "!", "?"]
 * }
 * }</pre>
 *
 * @param name model name recorded in {@link ModelInfo#name()} (and so in indexes built with it)
 * @param output name of the ONNX output holding per-token states, shape [batch, sequence, dim];
 *     checked against the session's outputs at load
 * @param dim size of the last output dimension, checked at load (or at the first run when the model
 *     leaves it dynamic); typical 128 (ColBERT) or 384 (MiniLM / bge-small)
 * @param pooling how {@link EncodedText#pooled()} is computed from the raw (un-normalised) token
 *     states over the attention-masked tokens; default {@link Pooling#NONE}
 * @param normalize L2-normalise token vectors and the pooled vector; default {@code true}. Set
 *     {@code false} only for exports whose output is already normalised (normalising again is
 *     harmless, so {@code true} is almost always right)
 * @param queryPrefix literal text put before every query before tokenisation (e.g. {@code "[Q] "}
 *     or {@code "query: "}); default {@code ""}. Its tokens are kept as vectors with offsets -1
 * @param documentPrefix the same for documents; default {@code ""}
 * @param queryMarker a token string (e.g. {@code "[unused0]"}) whose id is looked up in the
 *     tokenizer's vocabulary and inserted right after the leading special token ([CLS]), as real
 *     ColBERT does for its [Q] marker; {@code null} (default) for none. Absent from the vocabulary is
 *     an error at load
 * @param documentMarker the same for documents ([D]); default {@code null}
 * @param queryMaxLength total query length in tokens including special tokens, marker and [MASK]
 *     augmentation; when present it wins over {@link EncoderOptions#maxQueryTokens()} because a
 *     model trained with a fixed query length (ColBERT: 32) should be run with it. {@code null}
 *     (default): the option decides
 * @param documentMaxLength the same for documents (ColBERT: 180 or 300); when present it wins over
 *     {@link EncoderOptions#maxDocumentTokens()}; default {@code null}
 * @param queryAugmentation pad every query with the mask token up to the query max length, with
 *     attention 1 on the padding, as ColBERT does (the [MASK] vectors act as learned query
 *     expansion); default {@code false}
 * @param maskToken the token used for query augmentation, looked up in the tokenizer's vocabulary;
 *     default {@code "[MASK]"} (RoBERTa-style vocabularies use {@code "<mask>"})
 * @param skiplist token strings whose vectors are dropped from DOCUMENTS after encoding (they still
 *     take part in attention), e.g. punctuation as ColBERT does; default empty. Each must exist in
 *     the vocabulary
 * @param keepSpecialTokens keep the vectors of the tokenizer's special tokens ([CLS], [SEP]) and of
 *     the marker; default {@code true}. [MASK] augmentation vectors are always kept
 */
public record ModelSpec(
    String name,
    String output,
    int dim,
    Pooling pooling,
    boolean normalize,
    String queryPrefix,
    String documentPrefix,
    String queryMarker,
    String documentMarker,
    Integer queryMaxLength,
    Integer documentMaxLength,
    boolean queryAugmentation,
    String maskToken,
    List<String> skiplist,
    boolean keepSpecialTokens) {

  /** Name of the spec file inside a model directory. */
  public static final String FILE_NAME = "latte-model.json";

  /** Largest accepted {@link #dim()}; far above any late-interaction model, catches typos. */
  public static final int MAX_DIM = 65_536;

  /** Largest accepted max length, in tokens. */
  public static final int MAX_LENGTH = 8192;

  /** Default for {@link #maskToken()}. */
  public static final String DEFAULT_MASK_TOKEN = "[MASK]";

  /** How the single pooled vector is derived from the token states. */
  public enum Pooling {
    /** The state of the first token ([CLS]); bge models are trained this way. */
    CLS,
    /** Mean of the states of all attention-masked tokens; sentence-transformers models (MiniLM). */
    MEAN,
    /** No pooled vector: {@link EncodedText#pooled()} is {@code null}. */
    NONE;

    /** Parses the JSON spelling ({@code "cls"}, {@code "mean"}, {@code "none"}), any case. */
    public static Pooling parse(String value) {
      Objects.requireNonNull(value, "pooling");
      for (Pooling p : values()) {
        if (p.jsonName().equals(value.toLowerCase(Locale.ROOT))) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "pooling must be one of \"cls\", \"mean\", \"none\", got \"" + value + "\"");
    }

    /** The JSON spelling. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates and normalises: null optional strings and lists become their defaults. */
  public ModelSpec {
    name = requireText(name, "name");
    output = requireText(output, "output");
    if (dim < 1 || dim > MAX_DIM) {
      throw new IllegalArgumentException(
          "dim must be in [1, " + MAX_DIM + "], got " + dim);
    }
    pooling = pooling == null ? Pooling.NONE : pooling;
    queryPrefix = queryPrefix == null ? "" : queryPrefix;
    documentPrefix = documentPrefix == null ? "" : documentPrefix;
    queryMarker = optionalToken(queryMarker, "queryMarker");
    documentMarker = optionalToken(documentMarker, "documentMarker");
    checkLength(queryMaxLength, "queryMaxLength");
    checkLength(documentMaxLength, "documentMaxLength");
    maskToken = maskToken == null ? DEFAULT_MASK_TOKEN : requireText(maskToken, "maskToken");
    if (skiplist == null) {
      skiplist = List.of();
    } else {
      for (String token : skiplist) {
        requireText(token, "skiplist entry");
      }
      skiplist = List.copyOf(skiplist);
    }
  }

  /**
   * A spec with every optional field at its default: no pooled vector ({@link Pooling#NONE}), normalised,
   * no prefixes, markers or augmentation, empty skiplist, special tokens kept.
   */
  public static ModelSpec of(String name, String output, int dim) {
    return new ModelSpec(
        name, output, dim, Pooling.NONE, true, "", "", null, null, null, null, false,
        DEFAULT_MASK_TOKEN, List.of(), true);
  }

  /**
   * Reads a spec from JSON.
   *
   * @param json the JSON text stream; not closed
   * @param source where it came from, used only in error messages
   * @throws IllegalArgumentException if the JSON is malformed, has unknown fields, lacks a required
   *     field or has a value out of range; the message names {@code source}
   */
  public static ModelSpec parse(InputStream json, String source) {
    return ModelSpecJson.read(json, source);
  }

  /** This spec as JSON (all fields written, defaults included), e.g. to save beside an index. */
  public String toJson() {
    return ModelSpecJson.write(this);
  }

  /** Query length the encoder uses: the option if set, else {@link #queryMaxLength()}, else the default. */
  public int effectiveQueryMaxLength(EncoderOptions options) {
    if (options.maxQueryTokens() != EncoderOptions.FROM_MODEL) {
      return options.maxQueryTokens();
    }
    return queryMaxLength != null ? queryMaxLength : EncoderOptions.DEFAULT_MAX_QUERY_TOKENS;
  }

  /** Document length the encoder uses: the option if set, else {@link #documentMaxLength()}, else the default. */
  public int effectiveDocumentMaxLength(EncoderOptions options) {
    if (options.maxDocumentTokens() != EncoderOptions.FROM_MODEL) {
      return options.maxDocumentTokens();
    }
    return documentMaxLength != null ? documentMaxLength : EncoderOptions.DEFAULT_MAX_DOCUMENT_TOKENS;
  }

  private static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required and must not be blank, got "
          + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  private static String optionalToken(String value, String field) {
    if (value == null || value.isEmpty()) {
      return null; // "" in JSON means "no marker", same as absent
    }
    return requireText(value, field);
  }

  private static void checkLength(Integer value, String field) {
    if (value != null && (value < 1 || value > MAX_LENGTH)) {
      throw new IllegalArgumentException(
          field + " must be in [1, " + MAX_LENGTH + "] when set, got " + value);
    }
  }
}

package io.latte.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * JSON shape of {@link ModelSpec}. Kept apart from the public record so that optional fields can be
 * boxed here (absent = {@code null} = default) while the record exposes plain booleans, and so that
 * the public API carries no Jackson annotations.
 */
record ModelSpecJson(
    String name,
    String output,
    Integer dim,
    String pooling,
    Boolean normalize,
    String queryPrefix,
    String documentPrefix,
    String queryMarker,
    String documentMarker,
    Integer queryMaxLength,
    Integer documentMaxLength,
    Boolean queryAugmentation,
    String maskToken,
    List<String> skiplist,
    Boolean keepSpecialTokens) {

  // Unknown fields stay an error (Jackson's default) so a typo such as "queryMaxLen" is reported
  // instead of silently falling back to a default. Numbers must be ints, not 32.5 or "32".
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.ALWAYS);

  static ModelSpec read(InputStream in, String source) {
    ModelSpecJson json;
    try {
      json = MAPPER.readValue(in, ModelSpecJson.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid model spec " + source + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model spec " + source, e);
    }
    if (json == null) {
      throw new IllegalArgumentException("Invalid model spec " + source + ": empty document");
    }
    try {
      return json.toSpec();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid model spec " + source + ": " + e.getMessage(), e);
    }
  }

  static String write(ModelSpec spec) {
    ModelSpecJson json = new ModelSpecJson(
        spec.name(), spec.output(), spec.dim(), spec.pooling().jsonName(), spec.normalize(),
        spec.queryPrefix(), spec.documentPrefix(), spec.queryMarker(), spec.documentMarker(),
        spec.queryMaxLength(), spec.documentMaxLength(), spec.queryAugmentation(),
        spec.maskToken(), spec.skiplist(), spec.keepSpecialTokens());
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write model spec " + spec.name(), e);
    }
  }

  private ModelSpec toSpec() {
    if (dim == null) {
      throw new IllegalArgumentException("dim is required");
    }
    return new ModelSpec(
        name,
        output,
        dim,
        pooling == null ? ModelSpec.Pooling.NONE : ModelSpec.Pooling.parse(pooling),
        normalize == null || normalize,
        queryPrefix,
        documentPrefix,
        queryMarker,
        documentMarker,
        queryMaxLength,
        documentMaxLength,
        queryAugmentation != null && queryAugmentation,
        maskToken,
        skiplist,
        keepSpecialTokens == null || keepSpecialTokens);
  }
}

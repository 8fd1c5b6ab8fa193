package io.latte.server.http.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorCode;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Set;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies as the OpenAPI document promises them: strict JSON. Micronaut serde coerces ({@code
 * "k": 2.5} → 2, {@code true} → 1, {@code "5"} → 5, {@code "query": 42} → "42", {@code "explain":
 * "yes"} → false) and ignores what follows the first value; the API instead refuses each of these
 * with a 400 {@code invalid_json} naming the field. So the controllers take the raw bytes and read
 * them here with a Jackson mapper that coerces nothing, fails on trailing tokens, duplicate keys and
 * unknown fields, and checks UTF-8. Bean validation runs after, as before.
 */
@Singleton
public final class StrictJson {
  private static final ObjectMapper MAPPER = mapper();

  private final Validator validator;

  StrictJson(Validator validator) {
    this.validator = validator;
  }

  /**
   * Reads a request body and checks its bean-validation constraints.
   *
   * @throws ApiException {@code invalid_json} naming the field for malformed or mistyped JSON
   * @throws ConstraintViolationException when a constraint fails (mapped by ErrorBodies)
   */
  public <T> T readValid(byte[] body, Class<T> type) {
    T value = read(body, type);
    Set<ConstraintViolation<T>> violations = validator.validate(value);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return value;
  }

  private static ObjectMapper mapper() {
    JsonMapper m = JsonMapper.builder()
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // The request records' names: k_prime, hybrid_with, ... (DocumentBody's _id is explicit).
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .build();
    // Scalars never become strings, and strings/numbers never become booleans or numbers.
    for (LogicalType t : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
          CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString)) {
        m.coercionConfigFor(t).setCoercion(shape, CoercionAction.Fail);
      }
    }
    // Except that a JSON integer is a fine value for a float field (hybrid_weight: 1).
    m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    return m;
  }

  /**
   * Reads a request body.
   *
   * @throws ApiException {@code invalid_json} naming the field for malformed or mistyped JSON
   */
  public static <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new ApiException(ErrorCode.INVALID_JSON, "request body is missing: send a JSON object");
    }
    T value;
    try {
      value = MAPPER.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ApiException(ErrorCode.INVALID_JSON, describe(e), e);
    } catch (IOException e) {
      throw new ApiException(ErrorCode.INVALID_JSON, "request body is not valid JSON (UTF-8): " + clean(e.getMessage()), e);
    }
    if (value == null) {
      throw new ApiException(ErrorCode.INVALID_JSON, "request body is null: send a JSON object");
    }
    return value;
  }

  /** A message that names the field and what it must be, without Jackson's internals. */
  static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String where = u.getPath().size() > 1 ? " in " + path(u.getPath().subList(0, u.getPath().size() - 1)) : "";
      Collection<Object> known = u.getKnownPropertyIds();
      return "unknown field '" + u.getPropertyName() + "'" + where
          + (known == null ? "" : "; known fields: " + known.stream().map(String::valueOf).sorted()
              .collect(Collectors.joining(", ")));
    }
    if (e instanceof MismatchedInputException m && m.getMessage() != null
        && m.getMessage().startsWith("Trailing token")) {
      return "request body must be exactly one JSON object; found more JSON after it";
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      return path(m.getPath()) + " must be " + expected(m.getTargetType()) + got(m);
    }
    if (e instanceof MismatchedInputException m && m.getPath().isEmpty()) {
      return "request body must be a JSON object" + got(m);
    }
    if (e instanceof JsonParseException || e instanceof JsonMappingException) {
      String where = e instanceof JsonMappingException jm && !jm.getPath().isEmpty() ? path(jm.getPath()) + ": " : "";
      return "request body is not valid JSON (UTF-8): " + where + clean(e.getOriginalMessage());
    }
    return "request body is not valid JSON (UTF-8): " + clean(e.getOriginalMessage());
  }

  /** {@code params.k_prime}, {@code documents[2]._id}. */
  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another JSON type";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a JSON integer";
    }
    if (type == Float.class || type == float.class || type == Double.class || type == double.class) {
      return "a JSON number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a JSON string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a JSON array";
    }
    return "a JSON object";
  }

  /** What was sent instead, when the parser still knows. */
  private static String got(MismatchedInputException m) {
    if (!(m.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
      return "";
    }
    return switch (p.currentToken()) {
      case VALUE_STRING -> ", got a string";
      case VALUE_NUMBER_INT -> ", got an integer";
      case VALUE_NUMBER_FLOAT -> ", got a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> ", got a boolean";
      case VALUE_NULL -> ", got null";
      case START_ARRAY -> ", got an array";
      case START_OBJECT -> ", got an object";
      default -> "";
    };
  }

  /** Jackson's message without the source excerpt and location it appends. */
  private static String clean(String message) {
    if (message == null) {
      return "syntax error";
    }
    String m = message.lines().findFirst().orElse(message);
    int at = m.indexOf(" at [Source");
    m = at < 0 ? m : m.substring(0, at);
    at = m.indexOf("[Source");
    return (at < 0 ? m : m.substring(0, at)).replaceAll("\\s*\\(start marker at\\s*$", "").strip();
  }
}

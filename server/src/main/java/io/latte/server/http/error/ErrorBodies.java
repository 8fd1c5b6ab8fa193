package io.latte.server.http.error;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses. Every error response of the server — our {@link
 * ApiException}s, bean validation, Micronaut's own (malformed JSON, wrong content type, body too
 * large, no route, wrong method) and unexpected exceptions — passes through {@link
 * #processResponse}, which picks the stable {@link ErrorCode} and writes {@code {code, message}} as
 * JSON (never HTML, never a stack trace). 5xx causes are logged here with their stack trace.
 */
@Singleton
public final class ErrorBodies implements ErrorResponseProcessor<ApiError> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorBodies.class);

  /** Bean-validated request fields → the code a violation on them gets. */
  private static final Map<String, ErrorCode> FIELD_CODES = Map.of(
      "query", ErrorCode.QUERY_EMPTY,
      "k", ErrorCode.INVALID_K,
      "mode", ErrorCode.INVALID_MODE,
      "documents", ErrorCode.BATCH_EMPTY,
      "id", ErrorCode.INVALID_DOCUMENT,
      "title", ErrorCode.INVALID_DOCUMENT,
      "text", ErrorCode.INVALID_DOCUMENT);

  private static final int MAX_MESSAGE_CHARS = 500;

  /** The body limit in force, for the 413 message: users set it with latte's option, not Micronaut's. */
  private final long maxRequestBytes;

  ErrorBodies(@Value("${micronaut.server.max-request-size:16777216}") long maxRequestBytes) {
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public MutableHttpResponse<ApiError> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    ApiError body = describe(response.code(), context);
    @SuppressWarnings("unchecked")
    MutableHttpResponse<ApiError> typed = (MutableHttpResponse<ApiError>) response;
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return typed;
    }
    return typed.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** The error body for a response status and what caused it. */
  ApiError describe(int status, ErrorContext context) {
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof ApiException api) {
      return error(api.code(), api.getMessage());
    }
    if (cause instanceof ConstraintViolationException cve && !cve.getConstraintViolations().isEmpty()) {
      return violations(cve);
    }
    if (cause instanceof UnsatisfiedBodyRouteException) {
      return error(ErrorCode.INVALID_JSON, "request body is missing: send a JSON object");
    }
    if (status >= 500) {
      LOG.error("{} {} failed", context.getRequest().getMethod(), context.getRequest().getPath(), cause);
      return error(ErrorCode.INTERNAL, "internal error; the server log has the details");
    }
    ErrorCode code = switch (status) {
      case 401 -> ErrorCode.UNAUTHORIZED;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> isJsonProblem(cause) ? ErrorCode.INVALID_JSON : ErrorCode.INVALID_REQUEST;
    };
    return error(code, message(code, context));
  }

  private static ApiError error(ErrorCode code, String message) {
    String m = message == null || message.isBlank() ? code.id().replace('_', ' ') : message.strip();
    if (m.length() > MAX_MESSAGE_CHARS) {
      m = m.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
    return new ApiError(code.id(), m);
  }

  /** Micronaut's own message, minus framework internals (class names, source excerpts). */
  private String message(ErrorCode code, ErrorContext context) {
    return switch (code) {
      case NOT_FOUND -> "no endpoint " + context.getRequest().getMethodName() + " " + context.getRequest().getPath();
      case METHOD_NOT_ALLOWED -> "method " + context.getRequest().getMethodName() + " is not allowed on "
          + context.getRequest().getPath();
      case PAYLOAD_TOO_LARGE -> hasBody(context)
          ? "request body is larger than the server's limit of " + size(maxRequestBytes)
              + " (latte serve --max-request-mb); send fewer documents per request"
          : "request line or headers too long: URLs are limited to 4096 bytes (document ids to 512 UTF-8 bytes)";
      case UNSUPPORTED_MEDIA_TYPE -> "Content-Type must be application/json, got "
          + context.getRequest().getContentType().map(MediaType::toString).orElse("none");
      case INVALID_JSON -> "request body is not valid JSON (UTF-8): " + firstLine(rootMessage(context));
      default -> context.getErrors().stream().map(e -> e.getMessage()).findFirst().orElse(null);
    };
  }

  /** Netty answers over-long request lines and headers with 413 as well; only a body can be "too large". */
  private static boolean hasBody(ErrorContext context) {
    var r = context.getRequest();
    return r.getMethod() == HttpMethod.POST || r.getMethod() == HttpMethod.PUT || r.getMethod() == HttpMethod.PATCH;
  }

  private static String size(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  private static String rootMessage(ErrorContext context) {
    Throwable t = context.getRootCause().orElse(null);
    Throwable deepest = t;
    while (deepest != null && deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String m = deepest == null ? null : deepest.getMessage();
    if (m == null) {
      m = context.getErrors().stream().map(e -> e.getMessage()).findFirst().orElse("");
    }
    // Jackson appends the source location: "(start marker at [Source: ...; line: 1, column: 9])".
    int at = m.indexOf("[Source:");
    return at < 0 ? m : m.substring(0, at).replaceAll("\\s*(\\(start marker at|at)\\s*$", "").strip();
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse(s);
  }

  private static boolean isJsonProblem(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String name = t.getClass().getName();
      if (t instanceof ConversionErrorException || t instanceof java.io.CharConversionException
          || name.startsWith("com.fasterxml.jackson.core.") || name.startsWith("com.fasterxml.jackson.databind.")
          || name.startsWith("io.micronaut.serde.exceptions.") || name.equals("io.micronaut.json.JsonSyntaxException")) {
        return true;
      }
    }
    return false;
  }

  /** The first violation (by property path) decides the code; the message lists them all. */
  private static ApiError violations(ConstraintViolationException e) {
    var sorted = e.getConstraintViolations().stream()
        .sorted(Comparator.comparing(v -> path(v.getPropertyPath())))
        .toList();
    ConstraintViolation<?> first = sorted.get(0);
    ErrorCode code = FIELD_CODES.getOrDefault(leaf(first.getPropertyPath()), ErrorCode.INVALID_REQUEST);
    String message = sorted.stream().map(ErrorBodies::describe).collect(Collectors.joining("; "));
    return error(code, message);
  }

  private static String describe(ConstraintViolation<?> v) {
    Object value = v.getInvalidValue();
    String shown = value == null || value instanceof java.util.Collection<?> || value instanceof Map<?, ?>
        || value.getClass().isRecord() ? "" : ", got " + abbreviate(String.valueOf(value));
    return path(v.getPropertyPath()) + " " + v.getMessage() + shown;
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…' (" + s.length() + " chars)";
  }

  /** {@code documents[2].id}, without the method and parameter nodes. */
  private static String path(Path p) {
    StringBuilder b = new StringBuilder();
    int skipped = 0;
    for (Path.Node n : p) {
      if (n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR) {
        continue;
      }
      if (n.getKind() == ElementKind.PARAMETER && skipped++ == 0) {
        continue; // the @Body parameter itself
      }
      if (n.isInIterable() && n.getIndex() != null) {
        b.append('[').append(n.getIndex()).append(']');
      }
      if (n.getKind() != ElementKind.CONTAINER_ELEMENT && n.getName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(n.getName().equals("id") ? "_id" : n.getName()); // DocumentBody's JSON name
      }
    }
    return b.isEmpty() ? "body" : b.toString();
  }

  private static String leaf(Path p) {
    String name = null;
    for (Path.Node n : p) {
      if (n.getName() != null && n.getKind() == ElementKind.PROPERTY) {
        name = n.getName();
      }
    }
    return name == null ? "" : name;
  }
}

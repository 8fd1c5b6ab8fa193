package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.latte.server.http.api.DocumentBody;
import io.latte.server.http.api.HealthView;
import io.latte.server.http.api.HitView;
import io.latte.server.http.api.SearchBody;
import io.latte.server.http.api.SearchParamsBody;
import io.latte.server.http.api.SearchResponse;
import io.latte.server.http.api.Timings;
import io.latte.server.http.api.TokenMatchView;
import io.latte.server.http.api.UpsertBody;
import io.latte.server.http.api.WriteResponse;
import io.latte.server.http.error.ApiError;
import io.latte.server.http.error.ErrorCode;
import io.latte.searcher.SearchMode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.micronaut.web.router.Router;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document says what the server does: the same routes (method and path) as the running
 * server's router, the same JSON property names as the request/response records, the same error codes.
 */
class OpenApiContractTest {
  @TempDir static Path tmp;
  static LatteServer server;
  static JsonNode spec;

  @BeforeAll
  static void start() throws Exception {
    server = LatteServer.start(LatteServer.Options.defaults(tmp.resolve("empty-index")).withPort(0));
    try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream("openapi/latte-v1.yaml")) {
      spec = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void documentsExactlyTheServersRoutes() {
    Set<String> routes = server.bean(Router.class).uriRoutes()
        .filter(r -> !r.getHttpMethodName().equals("HEAD")) // Micronaut answers HEAD for every GET
        .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> documented = new TreeSet<>();
    for (var path : spec.get("paths").properties()) {
      for (var method : path.getValue().properties()) {
        if (!method.getKey().equals("parameters")) {
          documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    assertEquals(routes, documented);
  }

  @Test
  void schemasHaveTheRecordsProperties() {
    for (Class<?> type : List.of(SearchBody.class, SearchParamsBody.class, SearchResponse.class, HitView.class,
        TokenMatchView.class, Timings.class, DocumentBody.class, UpsertBody.class, WriteResponse.class,
        HealthView.class, ApiError.class)) {
      JsonNode schema = spec.get("components").get("schemas").get(type.getSimpleName());
      Set<String> documented = new TreeSet<>();
      schema.get("properties").fieldNames().forEachRemaining(documented::add);
      assertEquals(jsonNames(type), documented, type.getSimpleName());
    }
  }

  @Test
  void listsEveryErrorCode() {
    Set<String> documented = new TreeSet<>();
    spec.at("/components/schemas/ApiError/properties/code/enum").forEach(n -> documented.add(n.asText()));
    assertEquals(Arrays.stream(ErrorCode.values()).map(ErrorCode::id).collect(Collectors.toCollection(TreeSet::new)),
        documented);
  }

  @Test
  void listsTheEnginesModes() {
    List<String> modes = Arrays.stream(SearchMode.values()).map(SearchMode::label).toList();
    List<String> documented = new java.util.ArrayList<>();
    spec.at("/components/schemas/SearchBody/properties/mode/enum").forEach(n -> documented.add(n.asText()));
    assertEquals(modes, documented);
    List<String> hybridWith = new java.util.ArrayList<>();
    spec.at("/components/schemas/SearchParamsBody/properties/hybrid_with/enum")
        .forEach(n -> { if (!n.isNull()) { hybridWith.add(n.asText()); } });
    assertEquals(modes.stream().filter(m -> !m.equals("bm25") && !m.equals("hybrid")).toList(), hybridWith);
  }

  /** The JSON names Micronaut serde gives a record's components. */
  private static Set<String> jsonNames(Class<?> type) {
    Serdeable s = type.getAnnotation(Serdeable.class);
    boolean snake = s != null && s.naming() == SnakeCaseStrategy.class;
    Set<String> names = new TreeSet<>();
    for (RecordComponent c : type.getRecordComponents()) {
      JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
      if (p == null) {
        p = c.getAnnotation(JsonProperty.class);
      }
      names.add(p != null ? p.value() : snake ? snake(c.getName()) : c.getName());
    }
    return names;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}

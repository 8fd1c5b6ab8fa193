package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
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

  /**
   * The documented defaults and caps of every search parameter are the code's: {@code
   * SearchParams.defaults()} and the engine's ranges, capped by the server's ({@code
   * SearchParamsBody.MAX_*}, {@code SearchBody.MAX_K}). Issue 15 found nprobe 32 and k' 1000 in this
   * document while the code used 16 and 250.
   */
  @Test
  void documentsTheCodesDefaultsAndCaps() {
    io.latte.searcher.SearchParams d = io.latte.searcher.SearchParams.defaults();
    JsonNode p = spec.at("/components/schemas/SearchParamsBody/properties");
    Map<String, Object> defaults = new java.util.LinkedHashMap<>();
    // nprobe, k' and candidates default to the index-statistics rule: no fixed default is documented.
    for (String auto : List.of("nprobe", "k_prime", "candidates")) {
      assertTrue(p.get(auto).path("default").isMissingNode(), auto);
      assertTrue(p.get(auto).path("description").asText().contains("from the index's statistics"), auto);
    }
    assertEquals(io.latte.searcher.SearchParams.AUTO, d.nprobe());
    assertEquals(io.latte.searcher.SearchParams.AUTO, d.kPrime());
    assertEquals(io.latte.searcher.SearchParams.AUTO, d.candidates());
    defaults.put("t_prime", d.tPrime());
    defaults.put("rrf_k", d.rrfK());
    defaults.put("imputation", d.imputation().name().toLowerCase(Locale.ROOT));
    defaults.put("fusion", d.fusion().name().toLowerCase(Locale.ROOT));
    defaults.put("hybrid_with", d.hybridWith().label());
    for (var e : defaults.entrySet()) {
      assertEquals(String.valueOf(e.getValue()), p.get(e.getKey()).path("default").asText(), e.getKey());
    }
    assertEquals(d.hybridWeight(), (float) p.get("hybrid_weight").path("default").asDouble(), "hybrid_weight");
    assertEquals(d.k(), spec.at("/components/schemas/SearchBody/properties/k/default").asInt());
    assertEquals(SearchBody.DEFAULT_MODE, spec.at("/components/schemas/SearchBody/properties/mode/default").asText());

    Map<String, Long> caps = Map.of(
        "nprobe", (long) io.latte.searcher.SearchParams.MAX_NPROBE,
        "k_prime", (long) Math.min(io.latte.searcher.SearchParams.MAX_K_PRIME, SearchParamsBody.MAX_K_PRIME),
        "t_prime", io.latte.searcher.SearchParams.MAX_T_PRIME,
        "candidates", (long) Math.min(io.latte.searcher.SearchParams.MAX_CANDIDATES, SearchParamsBody.MAX_CANDIDATES),
        "rrf_k", (long) io.latte.searcher.SearchParams.MAX_RRF_K);
    for (var e : caps.entrySet()) {
      assertEquals(e.getValue().longValue(), p.get(e.getKey()).path("maximum").asLong(), e.getKey());
      assertEquals(1, p.get(e.getKey()).path("minimum").asLong(), e.getKey());
    }
    assertEquals(SearchBody.MAX_K, spec.at("/components/schemas/SearchBody/properties/k/maximum").asInt());
  }

  /** The README's table of search parameters lists the same defaults and caps as the code. */
  @Test
  void readmeListsTheCodesDefaultsAndCaps() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
    io.latte.searcher.SearchParams d = io.latte.searcher.SearchParams.defaults();
    Map<String, String> rows = new java.util.LinkedHashMap<>();
    rows.put("k", "| `k` | " + d.k() + " | " + SearchBody.MAX_K + " |");
    String rule = "from the index (rule below)";
    assertEquals(io.latte.searcher.SearchParams.AUTO, d.nprobe());
    rows.put("nprobe", "| `nprobe` | " + rule + " | " + io.latte.searcher.SearchParams.MAX_NPROBE + " |");
    rows.put("k_prime", "| `k_prime` | " + rule + " | " + SearchParamsBody.MAX_K_PRIME + " |");
    rows.put("t_prime", "| `t_prime` | " + d.tPrime() + " | " + io.latte.searcher.SearchParams.MAX_T_PRIME + " |");
    rows.put("candidates", "| `candidates` | " + rule + " | " + SearchParamsBody.MAX_CANDIDATES + " |");
    rows.put("fusion", "| `fusion` | " + d.fusion().name().toLowerCase(Locale.ROOT) + " | — |");
    rows.put("rrf_k", "| `rrf_k` | " + d.rrfK() + " | " + io.latte.searcher.SearchParams.MAX_RRF_K + " |");
    rows.put("hybrid_weight", "| `hybrid_weight` | " + d.hybridWeight() + " | 1 |");
    for (var e : rows.entrySet()) {
      assertTrue(readme.contains(e.getValue()), "README lacks the row " + e.getValue());
    }
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

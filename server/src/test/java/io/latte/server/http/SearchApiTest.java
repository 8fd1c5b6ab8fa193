package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read endpoints over the sample index: search in every mode, explanations, filters, stats, health, metrics. */
class SearchApiTest {
  @TempDir static Path tmp;
  static LatteServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0));
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonNode search(Map<String, Object> body) {
    Http.Response r = http.postJson("/v1/search", body);
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    return r.json();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xtr", "colbert", "exact", "bm25", "hybrid"})
  void everyModeFindsTheEspressoPassages(String mode) {
    JsonNode r = search(Map.of("query", "sour espresso shot", "mode", mode, "k", 5));
    assertEquals(mode, r.get("mode").asText());
    assertEquals(5, r.get("hits").size(), r.toString());
    JsonNode top = r.get("hits").get(0);
    assertEquals("coffee and tea", http.get("/v1/documents/" + top.get("id").asText()).json().get("metadata")
        .get("topic").asText(), "a coffee passage first: " + top);
    assertFalse(top.get("title").asText().isEmpty());
    assertFalse(top.get("snippet").asText().isEmpty());
    assertFalse(top.has("explanation"), "no explanation unless asked");
    JsonNode t = r.get("timings");
    for (String k : List.of("encode_ms", "retrieve_ms", "score_ms", "total_ms")) {
      assertTrue(t.get(k).asDouble() >= 0, k);
    }
    assertTrue(t.get("total_ms").asDouble() >= t.get("retrieve_ms").asDouble());
  }

  @Test
  void everyEngineModeAnswers() {
    for (io.latte.searcher.SearchMode m : io.latte.searcher.SearchMode.values()) {
      Http.Response r = http.postJson("/v1/search", Map.of("query", "volcano", "mode", m.label(), "k", 3));
      assertTrue(r.status() == 200 || r.status() == 400, m + ": never a 5xx, got " + r);
    }
    assertTrue(http.get("/").body().contains("<option value=\"xtr\" selected>xtr</option>"), "modes in the page");
  }

  @Test
  void explanationPointsAtTheMatchedTokensInFullText() {
    JsonNode r = search(Map.of("query", "espresso sour", "mode", "colbert", "k", 3, "explain", true));
    for (JsonNode hit : r.get("hits")) {
      String full = hit.get("full_text").asText();
      assertTrue(full.startsWith(hit.get("title").asText()), "full_text is title + text");
      JsonNode ex = hit.get("explanation");
      assertTrue(ex.size() >= 3, "one entry per query token: " + ex);
      double sum = 0;
      int located = 0;
      for (JsonNode m : ex) {
        sum += m.get("similarity").asDouble();
        if (m.get("start").asInt() >= 0) {
          String surface = full.substring(m.get("start").asInt(), m.get("end").asInt()).toLowerCase(Locale.ROOT);
          String token = m.get("doc_text").asText().replace("##", "").toLowerCase(Locale.ROOT);
          assertEquals(token, surface, "offsets locate the matched token: " + m);
          located++;
        }
      }
      assertTrue(located > 0);
      assertEquals(hit.get("score").asDouble(), sum, 1e-3, "the explanation sums to the score");
    }
    // The query's content tokens find themselves in the best hit.
    List<String> matched = new ArrayList<>();
    r.get("hits").get(0).get("explanation").forEach(m -> matched.add(m.get("doc_text").asText()));
    assertTrue(matched.contains("es") || matched.contains("espresso"), matched.toString());
  }

  @Test
  void filterRestrictsHits() {
    JsonNode r = search(Map.of("query", "how do volcanoes erupt", "k", 20, "filter", "topic:volcanoes AND year:[2010 TO *]"));
    assertTrue(r.get("hits").size() > 0);
    for (JsonNode hit : r.get("hits")) {
      JsonNode doc = http.get("/v1/documents/" + hit.get("id").asText()).json();
      assertEquals("volcanoes", doc.get("metadata").get("topic").asText());
      assertTrue(doc.get("metadata").get("year").asInt() >= 2010);
    }
  }

  @Test
  void paramsReachTheSearcher() {
    JsonNode r = search(Map.of("query", "honeybee dance", "mode", "hybrid", "k", 3,
        "params", Map.of("nprobe", 4, "fusion", "linear", "hybrid_with", "exact", "hybrid_weight", 0.5)));
    assertEquals(3, r.get("hits").size());
  }

  @Test
  void getDocumentReturnsTheCorpusRecord() {
    JsonNode d = http.get("/v1/documents/d001").json();
    assertEquals("d001", d.get("_id").asText());
    assertEquals("Under-extraction in espresso", d.get("title").asText());
    assertTrue(d.get("text").asText().startsWith("When water races"));
    assertEquals(2011, d.get("metadata").get("year").asInt());
  }

  @Test
  void statsHealthAndMetrics() {
    JsonNode s = http.get("/v1/stats").json();
    assertEquals(263, s.get("documents").asInt());
    assertFalse(s.get("empty").asBoolean());
    assertTrue(s.get("size_bytes").asLong() > 0);
    assertEquals("bge-small-en-v15-q", s.get("model").asText());

    JsonNode h = http.get("/health").json();
    assertEquals("UP", h.get("status").asText());
    assertTrue(h.get("ready").asBoolean());
    assertEquals(263, h.get("documents").asInt());
    assertEquals(200, http.get("/health/live").status());
    assertEquals(200, http.get("/health/ready").status());

    search(Map.of("query", "inverted index", "mode", "bm25"));
    Http.Response m = http.get("/metrics");
    assertEquals(200, m.status());
    assertTrue(m.contentType().startsWith("text/plain"), m.contentType());
    String text = m.body();
    assertTrue(text.contains("latte_search_seconds_bucket{mode=\"bm25\""), "latency histogram per mode");
    assertTrue(text.contains("latte_search_seconds_count{mode=\"xtr\"}"), "every mode is exported");
    assertTrue(text.contains("latte_http_server_requests_seconds_count{method=\"POST\",route=\"/v1/search\",status=\"200\"}"));
    assertTrue(text.contains("latte_index_documents 263.0"), "index size");
    assertTrue(text.lines().anyMatch(l -> l.startsWith("latte_index_size_bytes ") && !l.endsWith(" 0.0")));
  }

  @Test
  void pageAndOpenApiAreServed() {
    Http.Response page = http.get("/");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"));
    assertTrue(page.body().contains("id=\"query\""));
    assertEquals(200, http.get("/static/latte.js").status());
    Http.Response api = http.get("/openapi.yaml");
    assertEquals(200, api.status());
    assertTrue(api.body().startsWith("openapi: 3.1"), api.body());
    assertEquals(api.body(), http.get("/v1/openapi.yaml").body());
  }
}

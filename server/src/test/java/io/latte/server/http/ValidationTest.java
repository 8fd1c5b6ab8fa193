package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad request gets a 4xx with {@code {code, message}}: never a 500, never a stack
 * trace, never HTML. Limits are set low here (100-character queries, 4-document batches, 64 KiB
 * bodies) to reach them cheaply.
 */
class ValidationTest {
  static final int MAX_QUERY = 100;
  static final int MAX_BATCH = 4;
  static final long MAX_BODY = 64 * 1024;

  @TempDir static Path tmp;
  static LatteServer server;
  static Http http;

  @BeforeAll
  static void start() throws Exception {
    server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0)
        .withLimits(MAX_QUERY, MAX_BATCH, MAX_BODY));
    http = new Http(server.uri());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The response is the error {@code code} with {@code status}, as clean JSON. */
  static void assertError(Http.Response r, int status, String code) {
    assertEquals(status, r.status(), r.toString());
    assertTrue(r.contentType().startsWith("application/json"), "JSON, got " + r.contentType() + ": " + r.body());
    JsonNode j = r.json();
    assertEquals(code, j.path("code").asText(), r.body());
    assertEquals(2, j.size(), "only code and message: " + r.body());
    String message = j.path("message").asText();
    assertFalse(message.isBlank());
    assertFalse(message.contains("Exception") || message.contains("\tat ") || message.contains("at io.")
        || message.contains("at java.") || message.contains("[Source"), "no internals in: " + message);
  }

  static Http.Response search(Object body) {
    return http.postJson("/v1/search", body);
  }

  @Test
  void emptyQuery() {
    assertError(search(Map.of("query", "")), 400, "query_empty");
  }

  @Test
  void whitespaceQuery() {
    assertError(search(Map.of("query", " \t\n  ")), 400, "query_empty");
  }

  @Test
  void missingQuery() {
    assertError(search(Map.of("k", 3)), 400, "query_empty");
  }

  @Test
  void queryOverTheConfiguredLimit() {
    Http.Response r = search(Map.of("query", "a".repeat(MAX_QUERY + 1)));
    assertError(r, 400, "query_too_long");
    assertTrue(r.json().get("message").asText().contains(Integer.toString(MAX_QUERY)), r.body());
    assertEquals(200, search(Map.of("query", "a".repeat(MAX_QUERY))).status(), "the limit itself is fine");
  }

  @Test
  void kBelowOne() {
    assertError(search(Map.of("query", "espresso", "k", 0)), 400, "invalid_k");
    assertError(search(Map.of("query", "espresso", "k", -5)), 400, "invalid_k");
  }

  @Test
  void kAboveAThousand() {
    Http.Response r = search(Map.of("query", "espresso", "k", 1001));
    assertError(r, 400, "invalid_k");
    assertTrue(r.json().get("message").asText().contains("1000"), r.body());
    assertEquals(200, search(Map.of("query", "espresso", "k", 1000)).status());
  }

  @Test
  void kOfTheWrongType() {
    assertError(http.postRaw("/v1/search", "{\"query\": \"espresso\", \"k\": \"ten\"}"), 400, "invalid_json");
  }

  @Test
  void unknownMode() {
    Http.Response r = search(Map.of("query", "espresso", "mode", "warp"));
    assertError(r, 400, "invalid_mode");
    assertTrue(r.json().get("message").asText().contains(io.latte.searcher.SearchMode.names()), r.body());
  }

  @Test
  void badFilter() {
    assertError(search(Map.of("query", "espresso", "filter", "colour:red")), 400, "invalid_filter");
    assertError(search(Map.of("query", "espresso", "filter", "topic:(unclosed")), 400, "invalid_filter");
    assertError(search(Map.of("query", "espresso", "filter", "year:[abc TO 2000]")), 400, "invalid_filter");
  }

  @Test
  void badParams() {
    assertError(search(Map.of("query", "espresso", "params", Map.of("nprobe", 0))), 400, "invalid_params");
    assertError(search(Map.of("query", "espresso", "params", Map.of("fusion", "max"))), 400, "invalid_params");
    assertError(search(Map.of("query", "espresso", "params", Map.of("hybrid_weight", 2))), 400, "invalid_params");
  }

  @Test
  void unknownField() {
    Http.Response r = search(Map.of("query", "espresso", "top_k", 3));
    assertError(r, 400, "invalid_json");
    assertTrue(r.json().get("message").asText().contains("top_k"), r.body());
    assertError(search(Map.of("query", "espresso", "params", Map.of("n_probe", 3))), 400, "invalid_json");
  }

  @Test
  void malformedJson() {
    assertError(http.postRaw("/v1/search", "{\"query\": \"espresso\""), 400, "invalid_json");
    assertError(http.postRaw("/v1/search", "{query: espresso}"), 400, "invalid_json");
    assertError(http.postRaw("/v1/search", "[\"espresso\"]"), 400, "invalid_json");
    assertError(http.postRaw("/v1/documents", "{\"documents\": [{\"_id\": }]}"), 400, "invalid_json");
  }

  @Test
  void missingBody() {
    assertError(http.postRaw("/v1/search", ""), 400, "invalid_json");
    assertError(http.postRaw("/v1/search", "null"), 400, "invalid_json");
  }

  @Test
  void wrongContentType() {
    byte[] body = "{\"query\": \"espresso\"}".getBytes(StandardCharsets.UTF_8);
    assertError(http.post("/v1/search", "text/plain", body), 415, "unsupported_media_type");
    assertError(http.post("/v1/search", "application/x-www-form-urlencoded", body), 415, "unsupported_media_type");
    assertError(http.post("/v1/documents", "application/xml", body), 415, "unsupported_media_type");
    assertError(http.post("/v1/search", null, body), 415, "unsupported_media_type");
    assertError(http.post("/v1/search", "application/json; charset=ISO-8859-1", body), 415, "unsupported_media_type");
    assertEquals(200, http.post("/v1/search", "application/json; charset=utf-8", body).status());
  }

  @Test
  void invalidUtf8() {
    byte[] prefix = "{\"query\": \"caf".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + 4];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xC3; // a lead byte followed by no continuation byte
    body[prefix.length + 1] = (byte) 0x28;
    body[prefix.length + 2] = '"';
    body[prefix.length + 3] = '}';
    assertError(http.post("/v1/search", "application/json", body), 400, "invalid_json");
    byte[] lone = "{\"query\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
    assertError(http.post("/v1/search", "application/json", lone), 400, "invalid_json");
  }

  @Test
  void oversizedBody() {
    String big = "{\"query\": \"" + "a".repeat((int) MAX_BODY) + "\"}";
    assertError(http.postRaw("/v1/search", big), 413, "payload_too_large");
    assertError(http.postRaw("/v1/documents", big), 413, "payload_too_large");
    // exactly the configured limit: a body just under it is read (and refused for its query, not its size)
    String under = "{\"query\": \"" + "a".repeat((int) MAX_BODY - 100) + "\"}";
    assertError(http.postRaw("/v1/search", under), 400, "query_too_long");
    assertTrue(http.postRaw("/v1/search", big).json().get("message").asText().contains("--max-request-mb"));
  }

  @Test
  void batchOverTheLimit() {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 0; i <= MAX_BATCH; i++) {
      docs.add(Map.of("_id", "new-" + i, "text", "document " + i));
    }
    Http.Response r = http.postJson("/v1/documents", Map.of("documents", docs));
    assertError(r, 400, "batch_too_large");
    assertEquals(404, http.get("/v1/documents/new-0").status(), "nothing written");
  }

  @Test
  void emptyBatch() {
    assertError(http.postJson("/v1/documents", Map.of("documents", List.of())), 400, "batch_empty");
    assertError(http.postRaw("/v1/documents", "{}"), 400, "batch_empty");
  }

  @Test
  void invalidDocuments() {
    assertError(http.postJson("/v1/documents", Map.of("documents", List.of(Map.of("text", "no id")))), 400,
        "invalid_document");
    assertError(http.postJson("/v1/documents", Map.of("documents", List.of(Map.of("_id", " ", "text", "x")))), 400,
        "invalid_document");
    assertError(http.postJson("/v1/documents",
        Map.of("documents", List.of(Map.of("_id", "ok", "text", "fine"), Map.of("_id", "blank", "title", " ", "text", "")))),
        400, "invalid_document");
    Http.Response typed = http.postJson("/v1/documents",
        Map.of("documents", List.of(Map.of("_id", "typed", "text", "x", "metadata", Map.of("year", "recent")))));
    assertError(typed, 400, "invalid_document");
    assertTrue(typed.json().get("message").asText().contains("year"), typed.body());
    assertEquals(404, http.get("/v1/documents/ok").status(), "a rejected batch writes nothing");
  }

  @Test
  void unknownDocumentId() {
    assertError(http.get("/v1/documents/no-such-doc"), 404, "document_not_found");
    assertError(http.delete("/v1/documents/no-such-doc"), 404, "document_not_found");
  }

  @Test
  void unknownRouteAndWrongMethod() {
    assertError(http.get("/v1/nothing-here"), 404, "not_found");
    assertError(http.get("/v1/search"), 405, "method_not_allowed");
    assertError(http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/v1/stats"))
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.noBody())), 405, "method_not_allowed");
  }

  @Test
  void htmlAcceptStillGetsJsonErrors() {
    Http.Response r = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/v1/nothing"))
        .header("Accept", "text/html"));
    assertError(r, 404, "not_found");
  }
}

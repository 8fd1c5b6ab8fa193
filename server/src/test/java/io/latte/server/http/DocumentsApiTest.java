package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document endpoints from an empty directory: the first batch creates the index, writes are
 * committed before they are acknowledged (visible on disk and after a restart), upserts replace,
 * deletes delete, and with an API key configured writes need it while reads stay open.
 */
class DocumentsApiTest {
  static final String KEY = "s3cret-key";

  @TempDir Path tmp;

  /** The first {@code n} documents of the sample corpus as request objects. */
  static List<Map<String, Object>> sampleDocuments(int from, int n) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(TestIndexes.SAMPLE.resolve("corpus.jsonl"));
    for (String line : lines.subList(from, from + n)) {
      @SuppressWarnings("unchecked")
      Map<String, Object> d = Http.JSON.readValue(line, LinkedHashMap.class);
      out.add(d);
    }
    return out;
  }

  private static int committedDocuments(Path index) throws IOException {
    try (Directory d = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(d)) {
      return r.numDocs();
    }
  }

  @Test
  void emptyIndexThenWritesThatSurviveARestart() throws Exception {
    Path index = tmp.resolve("new-index");
    LatteServer.Options options = LatteServer.Options.defaults(index).withPort(0).withApiKey(KEY);
    try (LatteServer server = LatteServer.start(options)) {
      Http http = new Http(server.uri());
      assertTrue(Files.isDirectory(index), "the directory is created");

      JsonNode empty = http.postJson("/v1/search", Map.of("query", "espresso")).json();
      assertEquals(0, empty.get("hits").size());
      assertEquals(0, empty.get("generation").asLong());
      assertTrue(http.get("/v1/stats").json().get("empty").asBoolean());
      assertEquals(404, http.get("/v1/documents/d001").status());

      List<Map<String, Object>> batch = sampleDocuments(0, 60);
      assertEquals(401, http.postJson("/v1/documents", Map.of("documents", batch)).status(), "no key");
      assertEquals("unauthorized",
          http.postJson("/v1/documents", Map.of("documents", batch), "X-API-Key", "wrong").code());
      assertEquals(401, http.postJson("/v1/documents", Map.of("documents", batch), "Authorization", "Bearer nope").status());

      Http.Response created = http.postJson("/v1/documents", Map.of("documents", batch), "Authorization", "Bearer " + KEY);
      assertEquals(200, created.status(), created.body());
      assertEquals(60, created.json().get("ids").size());
      assertEquals(60, created.json().get("documents").asInt());
      assertEquals(60, committedDocuments(index), "committed before the response");

      JsonNode hits = http.postJson("/v1/search", Map.of("query", "sour espresso", "k", 3)).json().get("hits");
      assertTrue(hits.toString().contains("\"d001\""), "the written documents are searchable: " + hits);
      JsonNode filtered = http.postJson("/v1/search",
          Map.of("query", "sour espresso", "mode", "exact", "k", 10, "filter", "topic:astronomy")).json().get("hits");
      assertTrue(filtered.size() > 0);
      filtered.forEach(h -> assertTrue(h.get("id").asText().compareTo("d021") >= 0, h.toString()));

      // Replace one document and add one, repeating an id inside the batch: the last one wins.
      List<Map<String, Object>> update = List.of(
          Map.of("_id", "d001", "title", "draft", "text", "to be replaced within the batch"),
          Map.of("_id", "d001", "title", "Sour shots, revisited", "text", "Under-extracted espresso tastes sour and thin.",
              "metadata", Map.of("topic", "coffee and tea", "year", 2024)),
          Map.of("_id", "x001", "text", "A brand new passage about lighthouse keepers and their lamps."));
      Http.Response up = http.postJson("/v1/documents", Map.of("documents", update), "X-API-Key", KEY);
      assertEquals(200, up.status(), up.body());
      assertEquals(List.of("d001", "x001"), List.of(up.json().get("ids").get(0).asText(), up.json().get("ids").get(1).asText()));
      assertEquals(61, up.json().get("documents").asInt());
      JsonNode d001 = http.get("/v1/documents/d001").json();
      assertEquals("Sour shots, revisited", d001.get("title").asText());
      assertEquals(2024, d001.get("metadata").get("year").asInt());
      assertEquals(200, http.get("/v1/documents/x001").status(), "reads need no key");

      assertEquals(401, http.delete("/v1/documents/d002").status());
      Http.Response del = http.delete("/v1/documents/d002", "X-API-Key", KEY);
      assertEquals(200, del.status(), del.body());
      assertEquals(60, del.json().get("documents").asInt());
      assertEquals(404, http.get("/v1/documents/d002").status());
      assertEquals(404, http.delete("/v1/documents/d002", "X-API-Key", KEY).status());
      JsonNode after = http.postJson("/v1/search", Map.of("query", "grind size for espresso", "k", 60)).json().get("hits");
      after.forEach(h -> assertFalse(h.get("id").asText().equals("d002"), "deleted documents are not found"));
      assertEquals(60, committedDocuments(index));

      JsonNode stats = http.get("/v1/stats").json();
      assertFalse(stats.get("empty").asBoolean());
      assertEquals(60, stats.get("documents").asInt());
      assertTrue(stats.get("centroids").asInt() > 1);
    }

    try (LatteServer again = LatteServer.start(LatteServer.Options.defaults(index).withPort(0))) {
      Http http = new Http(again.uri());
      assertEquals(60, http.get("/health").json().get("documents").asInt());
      assertEquals("Sour shots, revisited", http.get("/v1/documents/d001").json().get("title").asText());
      assertEquals(404, http.get("/v1/documents/d002").status());
      // Without a key configured, writes are open (the server binds to localhost by default).
      List<Map<String, Object>> five = new ArrayList<>(sampleDocuments(100, 5));
      Map<String, Object> extra = new LinkedHashMap<>(five.get(0));
      extra.put("url", "https://example.org/extra-fields-of-corpus-lines-are-ignored");
      five.set(0, extra);
      Http.Response more = http.postJson("/v1/documents", Map.of("documents", five));
      assertEquals(200, more.status(), more.body());
      assertEquals(65, more.json().get("documents").asInt());
    }
  }

  @Test
  void aTakenPortIsOneClearError() throws Exception {
    try (LatteServer first = LatteServer.start(LatteServer.Options.defaults(tmp.resolve("a")).withPort(0))) {
      int port = first.uri().getPort();
      java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
          () -> LatteServer.start(LatteServer.Options.defaults(tmp.resolve("b")).withPort(port)).close());
      assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + port), e.getMessage());
    }
  }

  @Test
  void anIndexOfAnotherModelIsRefused() throws Exception {
    Path index = TestIndexes.copyOfSample(tmp);
    LatteServer.Options o = LatteServer.Options.defaults(index).withPort(0);
    LatteServer.Options other = new LatteServer.Options(o.index(), o.host(), 0, "all-minilm-l6-v2", null,
        o.maxQueryChars(), o.maxBatchDocuments(), o.maxRequestBytes(), o.gracePeriodSeconds(), 1);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LatteServer.start(other).close());
    assertTrue(e.getMessage().contains("bge-small-en-v15-q"), e.getMessage());
  }

  @Test
  void refusesADirectoryThatIsNotAnIndex() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("not-an-index"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> LatteServer.start(LatteServer.Options.defaults(dir).withPort(0)).close());
    assertTrue(e.getMessage().contains("not empty and holds no latte index"), e.getMessage());
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
  }
}

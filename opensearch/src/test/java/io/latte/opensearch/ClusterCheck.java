package io.latte.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks of {@code cluster-test.sh}, against a running cluster with the plugin, over its REST API.
 * Each check prints one {@code CHECK <name>: ok|FAIL …} line; the exit status is the number of
 * failed checks. Inputs come from {@link SamplePrep}'s work folder.
 *
 * <p>Usage: {@code ClusterCheck <work dir> <base url> load|results|badinput|deletes}.
 */
public final class ClusterCheck {
  static final String INDEX = "sample";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Path work;
  private final String url;
  private final JsonNode queries;
  private int failures;

  private ClusterCheck(Path work, String url) throws IOException {
    this.work = work;
    this.url = url;
    this.queries = JSON.readTree(work.resolve("queries.json").toFile());
  }

  public static void main(String[] args) throws Exception {
    ClusterCheck c = new ClusterCheck(Path.of(args[0]), args[1]);
    switch (args[2]) {
      case "load" -> c.load();
      case "results" -> c.results(args.length > 3 ? args[3] : "");
      case "badinput" -> c.badInput();
      case "deletes" -> c.deletes();
      default -> throw new IllegalArgumentException("unknown phase " + args[2]);
    }
    System.exit(Math.min(c.failures, 100));
  }

  private void check(String name, boolean ok, String detail) {
    System.out.println("CHECK " + name + ": " + (ok ? "ok" : "FAIL") + (detail.isEmpty() ? "" : " (" + detail + ")"));
    if (!ok) {
      failures++;
    }
  }

  /** Creates the index (3 shards, 1 replica, the sample's codebook), bulk-loads the documents, waits for green. */
  private void load() throws Exception {
    String index = """
        {"settings": {"index": {"number_of_shards": 3, "number_of_replicas": 1, "latte.codebook": "sample.cb"}},
         "mappings": {"_source": {"excludes": ["vectors"]},
                      "properties": {"vectors": {"type": "late_interaction"},
                                     "title": {"type": "text"}, "text": {"type": "text"},
                                     "topic": {"type": "keyword"}, "source": {"type": "keyword"},
                                     "year": {"type": "integer"}}}}""";
    Response r = call("PUT", "/" + INDEX, index);
    check("create-index", r.status == 200, r.status == 200 ? "" : r.body);
    List<String> lines = Files.readAllLines(work.resolve("docs.ndjson"), StandardCharsets.UTF_8);
    int docs = lines.size() / 2;
    for (int i = 3; i < lines.size(); i += 4) { // every other document sends its vectors as base64
      ObjectNode doc = (ObjectNode) JSON.readTree(lines.get(i));
      doc.put("vectors", base64(doc.get("vectors")));
      lines.set(i, doc.toString());
    }
    boolean bulkOk = true;
    for (int from = 0; from < lines.size(); from += 20) { // 10 documents (~3 MB of vectors) per request
      String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 20))) + "\n";
      Response b = call("POST", "/" + INDEX + "/_bulk", body, "application/x-ndjson");
      if (b.status != 200 || b.json().path("errors").asBoolean(true)) {
        bulkOk = false;
        System.out.println(b.body.substring(0, Math.min(2000, b.body.length())));
      }
    }
    call("POST", "/" + INDEX + "/_refresh", "");
    Response health = call("GET", "/_cluster/health/" + INDEX + "?wait_for_status=green&timeout=180s", null);
    long count = call("GET", "/" + INDEX + "/_count", null).json().path("count").asLong();
    check("bulk-index", bulkOk && count == docs, count + " of " + docs + " documents searchable");
    check("green", "green".equals(health.json().path("status").asText()),
        health.json().path("status").asText() + ", " + health.json().path("number_of_nodes").asInt() + " nodes");
  }

  /** Every sample query's top 10 equals single-node colbert's, unfiltered, filtered, and inside a bool. */
  private void results(String label) throws Exception {
    int same = 0;
    int sameFiltered = 0;
    int boolOk = 0;
    double maxScoreDiff = 0;
    List<String> diffs = new ArrayList<>();
    for (JsonNode q : queries) {
      JsonNode hits = search(liQuery(q, null), 10);
      List<String> got = ids(hits);
      List<String> expected = ids(q.get("expected"));
      if (got.equals(expected)) {
        same++;
        for (int i = 0; i < got.size(); i++) {
          maxScoreDiff = Math.max(maxScoreDiff,
              Math.abs(hits.get(i).get("_score").asDouble() - q.get("expected").get(i).get("score").asDouble()));
        }
      } else {
        diffs.add(q.get("id").asText() + ": got " + got + " expected " + expected);
      }
      String topic = q.get("topic").asText();
      ObjectNode term = JSON.createObjectNode();
      term.putObject("term").put("topic", topic);
      ObjectNode filteredQuery = liQuery(q, term);
      ((ObjectNode) filteredQuery.get("late_interaction")).put("k_prime", q.get("filter_k_prime").asInt());
      JsonNode filtered = search(filteredQuery, 10);
      boolean allTopic = true;
      for (JsonNode h : filtered) {
        allTopic &= topic.equals(h.path("_source").path("topic").asText());
      }
      if (ids(filtered).equals(ids(q.get("expected_filtered"))) && allTopic) {
        sameFiltered++;
      } else {
        diffs.add(q.get("id").asText() + " filtered by " + topic + ": got " + ids(filtered) + " expected "
            + ids(q.get("expected_filtered")));
      }
      // In a bool with an ordinary filter clause: the same documents, all of the topic.
      ObjectNode bool = JSON.createObjectNode();
      ObjectNode b = bool.putObject("bool");
      b.putArray("must").add(filteredQuery);
      b.putArray("filter").add(term);
      if (ids(search(bool, 10)).equals(ids(filtered))) {
        boolOk++;
      }
    }
    diffs.forEach(d -> System.out.println("  " + d));
    int n = queries.size();
    String suffix = label.isEmpty() ? "" : "-" + label;
    check("top10-equals-latte-colbert" + suffix, same == n,
        same + "/" + n + " queries, max |score diff| " + String.format(Locale.ROOT, "%.2e", maxScoreDiff));
    check("filter" + suffix, sameFiltered == n, sameFiltered + "/" + n + " queries equal latte's filtered top 10, all hits of the topic");
    check("bool" + suffix, boolOk == n, boolOk + "/" + n + " bool(must late_interaction, filter term) equal the filtered query");
  }

  /** Bad mapping and query input gets OpenSearch's 400 with a message; the nodes stay up. */
  private void badInput() throws Exception {
    JsonNode q = queries.get(0);
    ObjectNode wrongDim = liQuery(q, null);
    ArrayNode shortVectors = JSON.createArrayNode();
    shortVectors.addArray().add(0.1f).add(0.2f).add(0.3f);
    ((ObjectNode) wrongDim.get("late_interaction")).set("vectors", shortVectors);
    expect400("bad-query-dimension", "/" + INDEX + "/_search", body(wrongDim), "dimension");
    ObjectNode badMode = liQuery(q, null);
    ((ObjectNode) badMode.get("late_interaction")).put("mode", "fuzzy");
    expect400("bad-query-mode", "/" + INDEX + "/_search", body(badMode), "unknown mode");
    ObjectNode badK = liQuery(q, null);
    ((ObjectNode) badK.get("late_interaction")).put("k", 0);
    expect400("bad-query-k", "/" + INDEX + "/_search", body(badK), "k must be");
    ((ObjectNode) badK.get("late_interaction")).put("k", -3);
    expect400("bad-query-k-negative", "/" + INDEX + "/_search", body(badK), "k must be");
    expect400("bad-doc-dimension", "/" + INDEX + "/_doc/bad1", "{\"vectors\": [[0.1, 0.2, 0.3]]}", "dimensions");
    expect400("bad-doc-value", "/" + INDEX + "/_doc/bad2", "{\"vectors\": [\"not a vector\"]}", "vectors");
    expect400("bad-doc-base64", "/" + INDEX + "/_doc/bad3", "{\"vectors\": \"not*base64\"}", "little-endian");
    expect400("bad-doc-base64-length", "/" + INDEX + "/_doc/bad4", "{\"vectors\": \"AAAAAA==\"}", "whole number");
    expect400Put("second-field", "/" + INDEX + "/_mapping",
        "{\"properties\": {\"more\": {\"type\": \"late_interaction\"}}}", "at most one");
    String mapping = "\"mappings\": {\"properties\": {\"v\": {\"type\": \"late_interaction\"}}}";
    expect400Put("missing-codebook-setting", "/nocodebook", "{" + mapping + "}", "index.latte.codebook");
    expect400Put("missing-codebook-file", "/nofile",
        "{\"settings\": {\"index.latte.codebook\": \"absent.cb\"}, " + mapping + "}", "missing");
    call("PUT", "/plain", "{\"settings\": {\"number_of_shards\": 1}, \"mappings\": {\"properties\": {\"t\": {\"type\": \"text\"}}}}");
    expect400("query-without-field", "/plain/_search", body(liQuery(q, null)), "has no [late_interaction] field");
    call("DELETE", "/plain", null);
    Response health = call("GET", "/_cluster/health", null);
    check("nodes-alive-after-bad-input", health.json().path("number_of_nodes").asInt() == 3,
        health.json().path("number_of_nodes").asInt() + " nodes");
  }

  /** Deleted documents never come back; the others keep their order. */
  private void deletes() throws Exception {
    Set<String> deleted = new LinkedHashSet<>();
    for (int i = 0; i < 4 && i < queries.size(); i++) {
      deleted.add(queries.get(i).get("expected").get(0).get("id").asText());
    }
    boolean deletesOk = true;
    for (String id : deleted) {
      deletesOk &= call("DELETE", "/" + INDEX + "/_doc/" + id + "?refresh=true", null).status == 200;
    }
    int clean = 0;
    int order = 0;
    for (JsonNode q : queries) {
      List<String> got = ids(search(liQuery(q, null), 10));
      List<String> bigger = ids(search(liQuery(q, null, 100), 100));
      if (got.stream().noneMatch(deleted::contains) && bigger.stream().noneMatch(deleted::contains) && got.size() == 10) {
        clean++;
      }
      List<String> remaining = new ArrayList<>(ids(q.get("expected")));
      remaining.removeAll(deleted);
      if (got.subList(0, Math.min(got.size(), remaining.size())).equals(remaining)) {
        order++;
      }
    }
    int n = queries.size();
    check("deleted-never-return", deletesOk && clean == n,
        "deleted " + deleted + "; " + clean + "/" + n + " queries free of them at size 10 and 100");
    check("order-after-delete", order == n, order + "/" + n + " queries keep latte's order of the others");
  }

  /** The field's compact form of JSON rows ({@link SciFactBench#base64} on the flattened rows). */
  static String base64(JsonNode rows) {
    int dim = rows.get(0).size();
    float[] flat = new float[rows.size() * dim];
    int i = 0;
    for (JsonNode row : rows) {
      for (JsonNode v : row) {
        flat[i++] = v.floatValue();
      }
    }
    return SciFactBench.base64(flat);
  }

  private ObjectNode liQuery(JsonNode q, JsonNode filter) {
    return liQuery(q, filter, 10);
  }

  private ObjectNode liQuery(JsonNode q, JsonNode filter, int k) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode li = root.putObject("late_interaction");
    li.set("vectors", q.get("vectors"));
    li.put("mode", "colbert");
    li.put("k", k);
    li.put("nprobe", SamplePrep.NPROBE); // the same parameters as the single-node side (SamplePrep#pinned)
    li.put("k_prime", SamplePrep.K_PRIME);
    li.put("candidates", SamplePrep.CANDIDATES);
    if (filter != null) {
      li.set("filter", filter);
    }
    return root;
  }

  private static String body(JsonNode query) {
    ObjectNode b = JSON.createObjectNode();
    b.set("query", query);
    return b.toString();
  }

  private JsonNode search(JsonNode query, int size) throws Exception {
    ObjectNode b = JSON.createObjectNode();
    b.put("size", size);
    b.putArray("_source").add("topic");
    b.set("query", query);
    Response r = call("POST", "/" + INDEX + "/_search", b.toString());
    JsonNode shards = r.json().path("_shards");
    if (r.status != 200 || shards.path("failed").asInt(1) != 0) {
      throw new IllegalStateException("search failed (" + r.status + "): " + r.body.substring(0, Math.min(3000, r.body.length())));
    }
    return r.json().path("hits").path("hits");
  }

  private static List<String> ids(JsonNode hits) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : hits) {
      out.add(h.has("_id") ? h.get("_id").asText() : h.get("id").asText());
    }
    return out;
  }

  private void expect400(String name, String path, String body, String needle) throws Exception {
    expect400(name, "POST", path, body, needle);
  }

  private void expect400Put(String name, String path, String body, String needle) throws Exception {
    expect400(name, "PUT", path, body, needle);
  }

  private void expect400(String name, String method, String path, String body, String needle) throws Exception {
    Response r = call(method, path, body);
    boolean ok = r.status == 400 && r.body.contains(needle);
    String reason = r.json().path("error").path("root_cause").path(0).path("reason").asText(r.body);
    check(name, ok, r.status + " " + (reason.length() > 200 ? reason.substring(0, 200) + "…" : reason));
  }

  private record Response(int status, String body) {
    JsonNode json() throws IOException {
      return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
    }
  }

  private Response call(String method, String path, String body) throws Exception {
    return call(method, path, body, "application/json");
  }

  private Response call(String method, String path, String body, String type) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(300))
        .header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body());
  }
}

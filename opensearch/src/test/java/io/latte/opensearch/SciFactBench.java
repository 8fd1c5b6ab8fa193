package io.latte.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.beir.Qrels;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodeProgress;
import io.latte.eval.encode.EncodedCorpusFile;
import io.latte.eval.encode.EncodingCache;
import io.latte.eval.harness.Latency;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SciFact through the 3-node cluster next to single-node latte, for {@code scifact-bench.sh}: loads
 * the corpus's token vectors from latte's encoding cache, bulk-indexes them into an index of 3
 * shards and 1 replica (vectors as base64 float32, so the shards compress the same floats as the
 * single-node index did), force-merges each shard to one segment (as the single-node index is),
 * then sends every test query to both sides — the cluster's {@code late_interaction} query and
 * {@code latte serve}'s {@code POST /v1/search} with {@code query_vectors}, the same vectors, both
 * over HTTP, one request at a time, alternating which side goes first — and prints nDCG@10 (latte's
 * trec_eval-exact measures against the test qrels) and p50/p95 client latency per side.
 *
 * <p>Usage: {@code SciFactBench <dataset dir> <cluster url> <latte url> <codebook name> [modes]
 * [rounds]}; modes default {@code colbert,xtr}, rounds (timed passes over the queries after one
 * warm-up pass) default 2. Exit status 1 when colbert's nDCG@10 differs by more than {@value
 * #TOLERANCE}.
 */
public final class SciFactBench {
  static final String INDEX = "scifact";
  /** The bound on |nDCG@10 cluster − single node| in colbert mode. */
  static final double TOLERANCE = 0.002;
  /** Documents per bulk request: ≈ 14 MB of base64 at SciFact's ≈ 270 tokens × 384 floats. */
  private static final int BULK_DOCS = 25;
  /** Tries of a bulk request the cluster turns away with 429 (its memory breaker), 2, 4, 8… s apart. */
  private static final int BULK_TRIES = 8;
  private static final int K = 10;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private SciFactBench() {}

  public static void main(String[] args) throws Exception {
    Path datasetDir = Path.of(args[0]);
    String cluster = args[1];
    String latte = args[2];
    String codebook = args[3];
    List<String> modes = List.of((args.length > 4 ? args[4] : "colbert,xtr").split(","));
    int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 2;

    BeirDataset dataset = BeirDataset.open(datasetDir);
    List<BeirQuery> queries = dataset.queries("test");
    Qrels qrels = dataset.qrels("test");
    QuerySet encoded;
    try (TokenEncoder encoder = Encoders.open(Encoders.DEFAULT_MODEL)) {
      encoded = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
          queries.stream().map(BeirQuery::text).toList(), encoder);
      if (!exists(cluster)) {
        load(dataset, encoder, cluster, codebook);
      } else {
        say("index [" + INDEX + "] exists on the cluster: not loaded again");
      }
    }

    boolean ok = true;
    for (String mode : modes) {
      ok &= compare(mode, encoded, qrels, cluster, latte, rounds) || !mode.equals("colbert");
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean exists(String cluster) throws Exception {
    return call("HEAD", cluster + "/" + INDEX, null, "application/json").statusCode() == 200;
  }

  /** Creates the index, bulk-loads the cached encodings, waits for green, force-merges; prints the times. */
  private static void load(BeirDataset dataset, TokenEncoder encoder, String cluster, String codebook) throws Exception {
    int maxDoc = Encoders.spec(Encoders.DEFAULT_MODEL).effectiveDocumentMaxLength(EncoderOptions.defaults());
    DatasetEncoding.Census census = DatasetEncoding.census(dataset);
    EncodingCache cache = EncodingCache.defaultLocation();
    Path file = cache.fileFor(encoder.info().name(), encoder.info().checksum(), maxDoc, census.fingerprint());
    if (!Files.exists(file)) {
      throw new IllegalStateException("no encoding of " + dataset.name() + " in " + file
          + ": run `latte eval --dataset <dir> --modes exact` once to fill the cache");
    }
    String settings = """
        {"settings": {"index": {"number_of_shards": 3, "number_of_replicas": 1, "refresh_interval": "-1",
                                "latte.codebook": "%s"}},
         "mappings": {"_source": {"excludes": ["vectors"]}, "properties": {"vectors": {"type": "late_interaction"}}}}"""
        .formatted(codebook);
    expectOk(call("PUT", cluster + "/" + INDEX, settings, "application/json"), "create index");

    long tBulk = System.nanoTime();
    Bulk bulk = new Bulk(cluster, encoder.info().dim(), tBulk);
    EncodedCorpusFile.stream(file, (id, tokens, pooled) -> bulk.add(id, tokens));
    bulk.flush();
    say(String.format(Locale.ROOT, "%d documents, %d tokens from %s", bulk.docs, bulk.tokens, file));
    double bulkSeconds = secondsSince(tBulk);
    expectOk(call("PUT", cluster + "/" + INDEX + "/_settings", "{\"index\": {\"refresh_interval\": \"1s\"}}",
        "application/json"), "refresh interval");
    expectOk(call("POST", cluster + "/" + INDEX + "/_refresh", "", "application/json"), "refresh");
    HttpResponse<String> health = call("GET", cluster + "/_cluster/health/" + INDEX
        + "?wait_for_status=green&timeout=600s", null, "application/json");
    double greenSeconds = secondsSince(tBulk);
    long tMerge = System.nanoTime();
    expectOk(call("POST", cluster + "/" + INDEX + "/_forcemerge?max_num_segments=1", "", "application/json"),
        "force merge");
    double mergeSeconds = secondsSince(tMerge);
    long count = JSON.readTree(call("GET", cluster + "/" + INDEX + "/_count", null, "application/json").body())
        .path("count").asLong();
    say(String.format(Locale.ROOT, "ingest: %d documents searchable of %d, %.2f GB of bulk JSON, bulk %.0f s"
        + " (%.0f docs/s), green after %.0f s (%s), force merge to 1 segment per shard %.0f s", count, bulk.docs,
        bulk.bytes / 1e9, bulkSeconds, bulk.docs / bulkSeconds, greenSeconds,
        JSON.readTree(health.body()).path("status").asText(), mergeSeconds));
    if (count != bulk.docs || count != census.documents()) {
      throw new IllegalStateException("the cluster holds " + count + " documents; the corpus has " + census.documents());
    }
  }

  /** Bulk requests of {@value #BULK_DOCS} documents, built as the cache file is read. */
  private static final class Bulk {
    private final String cluster;
    private final int dim;
    private final long t0;
    private final StringBuilder body = new StringBuilder(BULK_DOCS * 600_000);
    private int inBody;
    int docs;
    long tokens;
    long bytes;

    Bulk(String cluster, int dim, long t0) {
      this.cluster = cluster;
      this.dim = dim;
      this.t0 = t0;
    }

    void add(String id, float[] flat) throws IOException {
      ObjectNode action = JSON.createObjectNode();
      action.putObject("index").put("_id", id);
      body.append(action).append('\n').append("{\"vectors\":\"").append(base64(flat)).append("\"}\n");
      tokens += flat.length / dim;
      if (++inBody == BULK_DOCS) {
        flush();
      }
    }

    void flush() throws IOException {
      if (inBody == 0) {
        return;
      }
      try {
        bulk(cluster, body.toString(), docs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      if ((docs / BULK_DOCS) % 40 == 0) {
        say(String.format(Locale.ROOT, "bulk: %d documents sent (%.0f s)", docs, secondsSince(t0)));
      }
      docs += inBody;
      bytes += body.length();
      inBody = 0;
      body.setLength(0);
    }
  }

  /**
   * Sends one bulk request; a 429 (the node's parent circuit breaker while its heap is full of the
   * previous requests' garbage) is retried after a pause, as OpenSearch's own clients do.
   */
  private static HttpResponse<String> bulk(String cluster, String body, int from) throws IOException,
      InterruptedException {
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r = call("POST", cluster + "/" + INDEX + "/_bulk", body, "application/x-ndjson");
      boolean rejected = r.statusCode() == 429
          || (r.statusCode() == 200 && r.body().contains("\"status\":429"));
      if (!rejected || attempt == BULK_TRIES) {
        expectOk(r, "bulk from document " + from);
        if (JSON.readTree(r.body()).path("errors").asBoolean(true)) {
          throw new IllegalStateException("bulk from document " + from + " had errors: "
              + r.body().substring(0, Math.min(2000, r.body().length())));
        }
        return r;
      }
      say("bulk from document " + from + ": 429, retried (" + attempt + ")");
      Thread.sleep(1000L << attempt);
    }
  }

  /** One mode on both sides: a warm-up pass, then {@code rounds} timed passes alternating who goes first. */
  private static boolean compare(String mode, QuerySet qs, Qrels qrels, String cluster, String latte, int rounds)
      throws Exception {
    int n = qs.size();
    String[] clusterBodies = new String[n];
    String[] latteBodies = new String[n];
    for (int q = 0; q < n; q++) {
      var vectors = JSON.valueToTree(qs.encoded(q).vectors());
      ObjectNode c = JSON.createObjectNode();
      c.put("size", K);
      c.put("_source", false);
      ObjectNode li = c.putObject("query").putObject("late_interaction");
      li.set("vectors", vectors);
      li.put("mode", mode).put("k", K);
      clusterBodies[q] = c.toString();
      ObjectNode l = JSON.createObjectNode();
      l.set("query_vectors", vectors);
      l.put("mode", mode).put("k", K);
      latteBodies[q] = l.toString();
    }
    Map<String, List<ScoredDoc>> clusterRun = new LinkedHashMap<>();
    Map<String, List<ScoredDoc>> latteRun = new LinkedHashMap<>();
    double[] clusterMs = new double[n * rounds];
    double[] latteMs = new double[n * rounds];
    for (int round = -1; round < rounds; round++) { // round -1: warm-up, not timed
      for (int q = 0; q < n; q++) {
        boolean clusterFirst = ((q + Math.max(round, 0)) & 1) == 0;
        for (int side = 0; side < 2; side++) {
          boolean isCluster = (side == 0) == clusterFirst;
          long t0 = System.nanoTime();
          HttpResponse<String> r = isCluster
              ? call("POST", cluster + "/" + INDEX + "/_search", clusterBodies[q], "application/json")
              : call("POST", latte + "/v1/search", latteBodies[q], "application/json");
          double ms = (System.nanoTime() - t0) / 1e6;
          expectOk(r, (isCluster ? "cluster" : "latte") + " query " + qs.id(q));
          if (round >= 0) {
            (isCluster ? clusterMs : latteMs)[round * n + q] = ms;
          } else {
            (isCluster ? clusterRun : latteRun).put(qs.id(q), hits(JSON.readTree(r.body()), isCluster));
          }
        }
      }
    }
    RunEvaluator eval = RunEvaluator.defaults();
    double clusterNdcg = eval.evaluate(clusterRun, qrels).mean().ndcg_cut_10();
    double latteNdcg = eval.evaluate(latteRun, qrels).mean().ndcg_cut_10();
    int sameTop10 = 0;
    for (String id : clusterRun.keySet()) {
      if (ids(clusterRun.get(id)).equals(ids(latteRun.get(id)))) {
        sameTop10++;
      }
    }
    double diff = clusterNdcg - latteNdcg;
    boolean within = Math.abs(diff) <= TOLERANCE;
    double cp50 = Latency.percentile(clusterMs, 50);
    double lp50 = Latency.percentile(latteMs, 50);
    double cp95 = Latency.percentile(clusterMs, 95);
    double lp95 = Latency.percentile(latteMs, 95);
    System.out.printf(Locale.ROOT, "%n| %s (%d queries, %d timed passes each) | 3-node cluster | single-node latte serve |"
        + " cluster / single |%n|---|---:|---:|---:|%n", mode, n, rounds);
    System.out.printf(Locale.ROOT, "| nDCG@10 | %.4f | %.4f | %+.4f (%s 0.002) |%n", clusterNdcg, latteNdcg, diff,
        within ? "within" : "NOT within");
    System.out.printf(Locale.ROOT, "| p50 latency, client side | %.2f ms | %.2f ms | %.2f |%n", cp50, lp50, cp50 / lp50);
    System.out.printf(Locale.ROOT, "| p95 latency, client side | %.2f ms | %.2f ms | %.2f |%n", cp95, lp95, cp95 / lp95);
    System.out.printf(Locale.ROOT, "| queries with the same top 10 | %d/%d | | |%n", sameTop10, n);
    say(String.format(Locale.ROOT, "%s: nDCG@10 cluster %.4f single %.4f (diff %+.4f, %s %.3f); p50 %.2f / %.2f ms"
        + " (ratio %.2f), p95 %.2f / %.2f ms (ratio %.2f); same top 10 %d/%d", mode, clusterNdcg, latteNdcg, diff,
        within ? "within" : "NOT within", TOLERANCE, cp50, lp50, cp50 / lp50, cp95, lp95, cp95 / lp95, sameTop10, n));
    return within;
  }

  private static List<ScoredDoc> hits(JsonNode response, boolean cluster) {
    JsonNode hits = cluster ? response.path("hits").path("hits") : response.path("hits");
    List<ScoredDoc> out = new ArrayList<>();
    for (JsonNode h : hits) {
      out.add(new ScoredDoc(h.path(cluster ? "_id" : "id").asText(), h.path(cluster ? "_score" : "score").asDouble()));
    }
    return out;
  }

  private static List<String> ids(List<ScoredDoc> docs) {
    return docs.stream().map(ScoredDoc::docId).toList();
  }

  /** The field's compact form: base64 of the row-major tokens as little-endian float32. */
  static String base64(float[] flat) {
    ByteBuffer b = ByteBuffer.allocate(flat.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(flat);
    return Base64.getEncoder().encodeToString(b.array());
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void say(String s) {
    System.out.println("scifact-bench: " + s);
  }

  private static void expectOk(HttpResponse<String> r, String what) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " "
          + r.body().substring(0, Math.min(2000, r.body().length())));
    }
  }

  private static HttpResponse<String> call(String method, String url, String body, String type) throws IOException,
      InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1800))
        .header("Content-Type", type)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}

package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index-based commands end to end on the sample collection with the real model: index, stats,
 * search (with explanations and filters), eval and bench through the searcher, delete, and their
 * bad-input messages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexedSampleCliTest {
  @TempDir static Path tmp;
  static Path index;

  /** Runs the CLI capturing System.out (commands print results there). */
  static CliTestSupport.Result run(String... args) {
    return CliTestSupport.runCapturingStdout(args);
  }

  @BeforeAll
  static void buildIndex() {
    index = tmp.resolve("idx");
    CliTestSupport.Result r = run("index", "--corpus", CliTestSupport.SAMPLE.toString(), "--index", index.toString(),
        "--centroids", "256");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("263 documents written"), r.out());
  }

  @Test
  @Order(1)
  void statsJsonHasTheDocumentedKeys() throws Exception {
    CliTestSupport.Result r = run("stats", "--index", index.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out().substring(r.out().indexOf('{')));
    for (String key : List.of("documents", "tokens", "dim", "bits", "bytes_per_token", "size_bytes",
        "resident_bytes", "bytes_per_token_by_structure")) {
      assertTrue(j.has(key), "stats lacks " + key);
    }
    assertEquals(263, j.get("documents").asInt());
    // one copy of the codes: the token code file holds bytes_per_vector per token (plus headers)
    double codes = j.get("bytes_per_token_by_structure").get("token_codes").asDouble();
    assertEquals(j.get("bytes_per_vector").asDouble(), codes, 0.5);
  }

  @Test
  @Order(1)
  void checkFindsTheIndexClean() {
    CliTestSupport.Result r = run("check", "--index", index.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("is clean: 1 segments, 263 documents"), r.out());
    CliTestSupport.Result missing = run("check", "--index", tmp.resolve("absent").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("absent") && missing.err().lines().count() == 1, missing.err());
  }

  @Test
  @Order(2)
  void searchExplainsEveryQueryTokenAndHonoursTheFilter() {
    CliTestSupport.Result r = run("search", "--index", index.toString(), "--query", "how do honeybees find flowers",
        "--explain", "--k", "3", "--filter", "topic:honeybees");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("3 hits"), r.out());
    // Wordpieces of "honeybees" match the same wordpieces in the hits.
    assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+honey\\s+→ honey\\s.*")), r.out());
    for (String mode : List.of("colbert", "exact", "bm25", "hybrid")) {
      CliTestSupport.Result m = run("search", "--index", index.toString(), "--query", "volcano eruption",
          "--mode", mode, "--k", "2");
      assertEquals(0, m.exitCode(), mode + ": " + m.err());
    }
  }

  @Test
  @Order(3)
  void searchErrorsAreOneLine() {
    CliTestSupport.Result badMode = run("search", "--index", index.toString(), "--query", "x", "--mode", "warp");
    assertEquals(1, badMode.exitCode());
    assertTrue(badMode.err().contains("unknown mode 'warp'"), badMode.err());
    CliTestSupport.Result badFilter = run("search", "--index", index.toString(), "--query", "x", "--filter", "colour:red");
    assertEquals(1, badFilter.exitCode());
    assertTrue(badFilter.err().contains("unknown filter field 'colour'") && badFilter.err().contains("topic"),
        badFilter.err());
    CliTestSupport.Result noIndex = run("search", "--index", tmp.resolve("nope").toString(), "--query", "x");
    assertEquals(1, noIndex.exitCode());
    assertTrue(noIndex.err().contains("nope"), noIndex.err());
    CliTestSupport.Result badK = run("search", "--index", index.toString(), "--query", "x", "--k", "0");
    assertEquals(1, badK.exitCode());
    assertTrue(badK.err().contains("k must be in [1, 10000], got 0"), badK.err());
  }

  @Test
  @Order(4)
  void evalOnTheIndexKeepsTheOutputContract() throws Exception {
    Path out = tmp.resolve("eval");
    CliTestSupport.Result r = run("eval", "--dataset", CliTestSupport.SAMPLE.toString(), "--index", index.toString(),
        "--modes", "xtr,colbert,exact,bm25,hybrid", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode modes = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("modes");
    for (String mode : List.of("xtr", "colbert", "exact", "bm25", "hybrid")) {
      assertTrue(modes.get(mode).get("ndcg_cut_10").asDouble() > 0.4, mode);
      assertTrue(out.resolve(mode + ".trec").toFile().length() > 0, mode);
    }
    // Late interaction beats BM25 on this paraphrase-heavy sample, through the index as well.
    assertTrue(modes.get("xtr").get("ndcg_cut_10").asDouble() > modes.get("bm25").get("ndcg_cut_10").asDouble());
  }

  @Test
  @Order(5)
  void benchWritesTheDocumentedJson() throws Exception {
    Path json = tmp.resolve("bench.json");
    Path svg = tmp.resolve("curve.svg");
    CliTestSupport.Result r = run("bench", "--index", index.toString(), "--dataset", CliTestSupport.SAMPLE.toString(),
        "--modes", "xtr,exact", "--warmup", "2", "--json", json.toString(), "--plot", svg.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonNode modes = new ObjectMapper().readTree(json.toFile()).get("modes");
    for (String key : List.of("ndcg_cut_10", "p50_ms", "p95_ms", "p99_ms", "qps_1t", "qps_2t", "speedup_vs_exact")) {
      assertTrue(modes.get("xtr").has(key), "bench lacks " + key);
    }
    assertEquals(1.0, modes.get("exact").get("speedup_vs_exact").asDouble(), 1e-9);
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertTrue(root.get("heap_used_mb").asDouble() > 0, root.toString());
    assertTrue(root.get("time_to_first_query_ms").asLong() > 0, root.toString());
    assertTrue(java.nio.file.Files.readString(svg).startsWith("<svg"));
  }

  @Test
  @Order(6)
  void deleteRemovesDocumentsFromEveryMode() {
    CliTestSupport.Result d = run("delete", "--index", index.toString(), "--ids", "d094,d095");
    assertEquals(0, d.exitCode(), d.err());
    for (String mode : List.of("xtr", "colbert", "exact", "bm25", "hybrid")) {
      CliTestSupport.Result r = run("search", "--index", index.toString(), "--query",
          "how do honeybees tell each other where the flowers are", "--mode", mode, "--k", "20");
      assertEquals(0, r.exitCode(), r.err());
      assertFalse(r.out().contains(" d094 ") || r.out().contains(" d095 "), mode + ": " + r.out());
    }
  }
}

package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latte bench-scale} as a smoke test: the real model encodes the sample collection and its
 * queries, a 50 k-token synthetic corpus is built from vectors, opened and searched, and the JSON
 * has every field the scale issue asks for. (The documented 1 M-token run is the same command with
 * {@code --tokens 1M}; 50 k keeps the suite quick on a shared 2-core machine, where 200 k took
 * four minutes, most of it k-means.)
 */
class BenchScaleCommandTest {
  @TempDir Path tmp;

  @Test
  void smallRunWritesEveryField() throws Exception {
    Path json = tmp.resolve("scale.json");
    Path svg = tmp.resolve("scale.svg");
    CliTestSupport.Result r = CliTestSupport.run("bench-scale", "--tokens", "50k", "--dataset",
        CliTestSupport.SAMPLE.toString(), "--work", tmp.resolve("work").toString(), "--encoding-cache",
        tmp.resolve("cache").toString(), "--json", json.toString(), "--plot", svg.toString(),
        "--warmup-seconds", "0.2", "--modes", "xtr,colbert,exact");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertTrue(root.get("rule").asText().contains("sqrt"));
    JsonNode runs = root.get("runs");
    assertEquals(1, runs.size());
    JsonNode run = runs.get(0);
    for (String f : List.of("tokens", "documents", "build_seconds", "tokens_per_second", "codebook_seconds",
        "merge_seconds", "bytes_per_token", "heap_used_mb", "peak_rss_mb", "open_seconds", "centroids", "nprobe",
        "k_prime")) {
      assertTrue(run.hasNonNull(f), f);
    }
    long tokens = run.get("tokens").asLong();
    assertTrue(tokens > 45_000 && tokens < 55_000, "≈ 50k tokens: " + tokens);
    assertTrue(run.get("bytes_per_token").asDouble() > 10, run.toString());
    for (String mode : List.of("xtr", "colbert", "exact")) {
      JsonNode m = run.get("modes").get(mode);
      for (String f : List.of("p50_ms", "p95_ms", "qps_2_threads", "recall_at_10")) {
        assertTrue(m.hasNonNull(f), mode + " " + f);
      }
      // Against the exact float MaxSim top 10 of real encoded queries; chance is ~10/1000.
      assertTrue(m.get("recall_at_10").asDouble() >= 0.5, mode + ": " + m);
    }
    // exact MaxSim over the compressed vectors: what 2-bit quantisation leaves of the float oracle
    assertTrue(run.get("modes").get("exact").get("recall_at_10").asDouble() >= 0.7, run.toString());
    assertTrue(Files.readString(svg).contains("recall@10 vs exact"));
    // the ground truth was cached under --work
    try (var files = Files.list(tmp.resolve("work").resolve("truth"))) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void sizesParseAndBadOnesAreRefused() {
    assertEquals(List.of(1_000_000L, 10_000_000L, 100_000_000L, 200_000L, 1500L),
        BenchScaleCommand.parseSizes("1M,10M, 100M,200k,1500"));
    assertEquals("100M", BenchScaleCommand.label(100_000_000L));
    assertThrows(IllegalArgumentException.class, () -> BenchScaleCommand.parseSizes("1M,,2M"));
    assertThrows(IllegalArgumentException.class, () -> BenchScaleCommand.parseSizes("lots"));
    CliTestSupport.Result r = CliTestSupport.run("bench-scale", "--tokens", "0", "--json", tmp.resolve("x.json").toString());
    assertNotEquals(0, r.exitCode());
    assertTrue(r.err().contains("--tokens"), r.err());
  }
}

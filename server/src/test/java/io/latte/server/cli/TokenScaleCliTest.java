package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.read.LatteIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latte index --no-token-scale} on the sample with the real model: the codebook stores no scale
 * byte, every search mode answers from it, xtr with every cluster probed and every token retrieved
 * ranks as exact does, and the setting is fixed for the index's life.
 */
class TokenScaleCliTest {
  @TempDir static Path tmp;

  @Test
  void theOptionReachesTheCodebookAndEveryModeSearches() throws Exception {
    Path index = tmp.resolve("idx");
    CliTestSupport.Result r = CliTestSupport.runCapturingStdout("index", "--corpus", CliTestSupport.SAMPLE.toString(),
        "--index", index.toString(), "--centroids", "64", "--no-token-scale");
    assertEquals(0, r.exitCode(), r.err());
    try (LatteIndex opened = LatteIndex.open(index)) {
      assertTrue(!opened.codebook().storesScale(), "no token scales, as asked");
      assertEquals(opened.codebook().residualBytes(), opened.meta().bytesPerVector());
    }
    CliTestSupport.Result again = CliTestSupport.run("index", "--corpus", CliTestSupport.SAMPLE.toString(),
        "--index", index.toString(), "--token-scale");
    assertEquals(1, again.exitCode(), again.err());
    assertEquals(1, again.err().strip().lines().count(), again.err());
    assertTrue(again.err().contains("token scales were requested but index"), again.err());
    for (String mode : List.of("xtr", "colbert", "exact", "hybrid")) {
      CliTestSupport.Result m = CliTestSupport.runCapturingStdout("search", "--index", index.toString(),
          "--query", "volcano eruption warning signs", "--mode", mode, "--k", "3");
      assertEquals(0, m.exitCode(), mode + ": " + m.err());
      assertTrue(m.out().contains("3 hits"), mode + ": " + m.out());
    }
    String exact = topIds(CliTestSupport.runCapturingStdout("search", "--index", index.toString(),
        "--query", "how do honeybees find flowers", "--mode", "exact", "--k", "5"));
    String xtr = topIds(CliTestSupport.runCapturingStdout("search", "--index", index.toString(),
        "--query", "how do honeybees find flowers", "--mode", "xtr", "--k", "5", "--nprobe", "64",
        "--k-prime", "1000000"));
    assertEquals(exact, xtr, "xtr retrieving every token equals exact");
  }

  /** The ids of the hit lines ("  1. id  score  title"), in order. */
  private static String topIds(CliTestSupport.Result r) {
    assertEquals(0, r.exitCode(), r.err());
    StringBuilder ids = new StringBuilder();
    r.out().lines().filter(l -> l.matches("\\s*\\d+\\.\\s+\\S+\\s+-?\\d+\\.\\d{4}.*")).limit(5)
        .forEach(l -> ids.append(l.trim().split("\\s+")[1]).append(' '));
    assertTrue(ids.length() > 0, r.out());
    return ids.toString();
  }
}

package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code latte demo} runs the whole main job on the embedded model and prints hits, matches and metrics. */
class DemoCommandTest {
  @Test
  void demoPrintsHitsTokenMatchesAndMetrics() {
    CliTestSupport.Result r = CliTestSupport.runCapturingStdout("demo");
    int code = r.exitCode();
    String out = r.out();
    assertEquals(0, code, out);
    assertTrue(out.contains("sample collection: 263 passages, 16 queries"), out);
    assertEquals(16, out.lines().filter(l -> l.contains("matches of the first exact hit:")).count());
    // The espresso query is answered by the under-extraction passage (d001), which shares few words with it.
    java.util.List<String> lines = out.lines().toList();
    int q01 = lines.indexOf(lines.stream().filter(l -> l.startsWith("q01 ")).findFirst().orElseThrow());
    assertTrue(lines.get(q01 + 1).startsWith("  exact ") && lines.get(q01 + 1).contains("d001"), lines.get(q01 + 1));
    for (String mode : new String[] {"exact", "xtr", "colbert", "dense", "bm25"}) {
      assertTrue(out.lines().anyMatch(l -> l.matches(mode + " +0\\.\\d{4} .*")), "metrics row for " + mode);
    }
    // The index path: the sample is indexed, and xtr and colbert (through the searcher) list hits per query.
    assertTrue(out.contains("xtr and colbert below search this index"), out);
    assertEquals(16, lines.stream().filter(l -> l.startsWith("  xtr ")).count());
    assertEquals(16, lines.stream().filter(l -> l.startsWith("  colbert ")).count());
    // Compressed token retrieval stays close to the float oracle on the sample.
    assertTrue(ndcg(lines, "xtr") >= 0.95 * ndcg(lines, "exact"), out);
    assertTrue(ndcg(lines, "colbert") >= 0.95 * ndcg(lines, "exact"), out);
  }

  private static double ndcg(java.util.List<String> lines, String mode) {
    String row = lines.stream().filter(l -> l.matches(mode + " +0\\.\\d{4} .*")).findFirst().orElseThrow();
    return Double.parseDouble(row.substring(mode.length()).trim().split(" +")[0]);
  }
}

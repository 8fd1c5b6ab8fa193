package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BM25 on SciFact must stay near Anserini's flat BM25 (0.679 nDCG@10): a guard on the analyzer,
 * the BM25 parameters and the metrics together. Runs where the shared datasets are present (CI).
 */
class SciFactBm25RegressionTest {
  @TempDir Path tmp;

  @Test
  void bm25OnSciFactTest() throws Exception {
    Path scifact = CliTestSupport.sharedDataset("scifact");
    assumeTrue(scifact != null, "../shared/datasets/scifact not present");
    CliTestSupport.Result r = CliTestSupport.run("eval", "--dataset", scifact.toString(), "--modes", "bm25",
        "--out", tmp.toString());
    assertEquals(0, r.exitCode(), r.err());
    var bm25 = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile()).get("modes").get("bm25");
    assertEquals(300, bm25.get("queries").asInt());
    double ndcg = bm25.get("ndcg_cut_10").asDouble();
    assertTrue(ndcg >= 0.66 && ndcg <= 0.70, "SciFact BM25 nDCG@10 " + ndcg);
  }
}

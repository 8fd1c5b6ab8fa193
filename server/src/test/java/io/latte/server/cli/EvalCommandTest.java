package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.metrics.Evaluation;
import io.latte.eval.run.TrecEvalBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latte eval} end to end on the sample collection with the real embedded model: the output
 * contract (run files, summary keys) and the independent re-scoring of every run file by NIST
 * trec_eval, which must agree with our numbers to 4 decimals.
 */
class EvalCommandTest {
  @TempDir Path tmp;

  @Test
  void writesRunFilesAndSummaryThatTrecEvalAgreesWith() throws Exception {
    Path out = tmp.resolve("out");
    CliTestSupport.Result r = CliTestSupport.run("eval", "--dataset", CliTestSupport.SAMPLE.toString(),
        "--modes", "bm25,dense,exact", "--out", out.toString(), "--cache", tmp.resolve("cache").toString());
    assertEquals(0, r.exitCode(), r.err());

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("sample", summary.get("dataset").asText());
    assertEquals("bge-small-en-v15-q", summary.get("model").asText());
    for (String mode : List.of("bm25", "dense", "exact")) {
      JsonNode m = summary.get("modes").get(mode);
      for (String key : List.of("ndcg_cut_10", "recall_100", "map", "recip_rank", "queries")) {
        assertTrue(m.has(key), mode + " lacks " + key);
      }
      assertEquals(16, m.get("queries").asInt());
      assertTrue(Files.size(out.resolve(mode + ".trec")) > 0);
    }
    // Token-level matching must beat bag-of-words on this paraphrase-heavy sample (measured 0.80 vs 0.54).
    assertTrue(summary.get("modes").get("exact").get("ndcg_cut_10").asDouble()
        > summary.get("modes").get("bm25").get("ndcg_cut_10").asDouble() + 0.1);

    Optional<TrecEvalBinary> trecEval = TrecEvalBinary.bundled();
    assumeTrue(trecEval.isPresent(), "no trec_eval binary for this platform");
    var qrels = BeirDataset.open(CliTestSupport.SAMPLE).qrels("test");
    for (String mode : List.of("bm25", "dense", "exact")) {
      Evaluation e = trecEval.get().evaluate(qrels, out.resolve(mode + ".trec"));
      JsonNode ours = summary.get("modes").get(mode);
      for (String key : List.of("ndcg_cut_10", "recall_100", "map", "recip_rank")) {
        assertEquals(e.mean().get(key), ours.get(key).asDouble(), 1e-4, mode + " " + key);
      }
    }
  }
}

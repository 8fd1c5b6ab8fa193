package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input reaches the user as one line on stderr and a non-zero exit code. */
class CliErrorsTest {
  @TempDir Path tmp;

  private static void assertOneLine(CliTestSupport.Result r, int code, String... fragments) {
    assertEquals(code, r.exitCode(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), "one line, got: " + err);
    assertTrue(err.startsWith("latte: "), err);
    for (String f : fragments) {
      assertTrue(err.contains(f), "expected '" + f + "' in: " + err);
    }
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertOneLine(CliTestSupport.run("frobnicate"), 2, "frobnicate");
  }

  @Test
  void encodeNeedsTextOrDataset() {
    assertOneLine(CliTestSupport.run("encode"), 2, "--text", "--dataset");
  }

  @Test
  void missingDatasetNamesThePath() {
    Path missing = tmp.resolve("no-such-dataset");
    assertOneLine(CliTestSupport.run("eval", "--dataset", missing.toString(), "--modes", "bm25"), 1,
        "no-such-dataset");
  }

  @Test
  void unknownModeListsTheKnownOnes() {
    assertOneLine(CliTestSupport.run("eval", "--dataset", CliTestSupport.SAMPLE.toString(), "--modes", "bm25,warp"), 1,
        "unknown mode 'warp'", "bm25,dense,exact");
  }

  @Test
  void unknownLanguageListsTheKnownOnes() {
    assertOneLine(CliTestSupport.run("index", "--corpus", CliTestSupport.SAMPLE.resolve("corpus.jsonl").toString(),
        "--index", tmp.resolve("idx").toString(), "--language", "xx"), 1, "unknown language 'xx'", "es, ", "tr, ");
    assertOneLine(CliTestSupport.run("eval", "--dataset", CliTestSupport.SAMPLE.toString(), "--modes", "bm25",
        "--language", "klingon"), 1, "unknown language 'klingon'");
  }

  @Test
  void unknownSplitNamesIt() {
    assertOneLine(CliTestSupport.run("eval", "--dataset", CliTestSupport.SAMPLE.toString(), "--split", "dev",
        "--modes", "bm25"), 1, "dev");
  }

  @Test
  void missingModelDirectoryNamesIt() {
    Path missing = tmp.resolve("no-model");
    assertOneLine(CliTestSupport.run("encode", "--text", "hello", "--model", missing.toString()), 1, "no-model");
  }

  @Test
  void badEncoderOptionNamesParameterAndValue() {
    assertOneLine(CliTestSupport.run("encode", "--text", "hello", "--batch-size", "0"), 1, "batchSize", "0");
  }

  @Test
  void negativeMergeTargetNamesParameterAndValue() {
    Path index = tmp.resolve("idx");
    assertOneLine(CliTestSupport.run("index", "--corpus", CliTestSupport.SAMPLE.toString(), "--index", index.toString(),
        "--merge-to", "-1"), 1, "mergeToSegments", "-1");
  }
}

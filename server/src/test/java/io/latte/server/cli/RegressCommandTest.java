package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick regression set (the sample collection and Cranfield, when this checkout has the shared
 * datasets) runs in the suite through the real command, against the values recorded in
 * {@code regressions/*.json} by {@code latte regress --record}.
 */
class RegressCommandTest {
  static final Path REGRESSIONS = Path.of("..", "regressions");
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run regress(String... args) {
    CliTestSupport.Result r = CliTestSupport.runCapturingStdout(args);
    return new Run(r.exitCode(), r.out(), r.err());
  }

  @Test
  void quickSetIsWithinTolerance() {
    List<String> args = new ArrayList<>(List.of("regress", "--dir", REGRESSIONS.toString(), "sample"));
    if (CliTestSupport.sharedDataset("cranfield") != null) {
      args.add("cranfield");
    }
    Run r = regress(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("regression(s) within tolerance"), r.out());
    for (String mode : new String[] {"float-exact", "exact", "xtr", "colbert", "bm25", "hybrid"}) {
      assertTrue(r.out().lines().anyMatch(l -> l.matches("sample +" + mode + " +0\\.\\d{4} .*")), mode + "\n" + r.out());
    }
  }

  @Test
  void aDeviationFailsTheRunAndIsNamed() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode spec = (ObjectNode) json.readTree(REGRESSIONS.resolve("sample.json").toFile());
    spec.put("dataset", CliTestSupport.SAMPLE.toAbsolutePath().normalize().toString());
    ObjectNode xtr = (ObjectNode) spec.get("expected").get("xtr");
    xtr.put("ndcg_cut_10", xtr.get("ndcg_cut_10").asDouble() - 0.02);
    Path dir = Files.createDirectories(tmp.resolve("regressions"));
    json.writeValue(dir.resolve("sample.json").toFile(), spec);
    Run r = regress("regress", "--dir", dir.toString());
    assertEquals(1, r.code(), r.out());
    assertTrue(r.out().contains("DEVIATION sample xtr: nDCG@10"), r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("latte: 1 regression measure(s) outside tolerance"), r.err());
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    Run r = regress("regress", "--dir", REGRESSIONS.toString(), "nosuch");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("no regression 'nosuch'") && r.err().contains("cranfield, npl, sample"), r.err());
  }
}

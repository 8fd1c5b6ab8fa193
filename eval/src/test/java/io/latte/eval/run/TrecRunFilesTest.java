package io.latte.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.eval.beir.Qrels;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.metrics.ScoredDoc;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrecRunFilesTest {
  @TempDir Path dir;

  private static String written(TrecRunWriter writer, Map<String, List<ScoredDoc>> run)
      throws IOException {
    StringWriter out = new StringWriter();
    writer.write(out, run);
    return out.toString();
  }

  @Test
  void writesTrecOrderRanksFromOneAndTheTag() throws IOException {
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    run.put("q2", List.of(new ScoredDoc("a", 0.5), new ScoredDoc("b", 0.5), new ScoredDoc("c", 2)));
    run.put("q1", List.of(new ScoredDoc("x", 1)));
    assertEquals(
        """
        q2 Q0 c 1 2.0 sys
        q2 Q0 b 2 0.5 sys
        q2 Q0 a 3 0.5 sys
        q1 Q0 x 1 1.0 sys
        """,
        written(new TrecRunWriter("sys", 1000), run));
  }

  @Test
  void scoresAreExactAndNeverInScientificNotation() {
    for (double score : new double[] {1e-7, -3.25e-5, 123456789.125, 0.1 + 0.2, 7.0E22, 0.0}) {
      String text = TrecRunWriter.formatScore(score);
      assertFalse(text.contains("E") || text.contains("e"), text);
      assertEquals(score, Double.parseDouble(text), 0.0, text);
    }
    assertEquals("0.30000000000000004", TrecRunWriter.formatScore(0.1 + 0.2));
    assertEquals("0.0000001", TrecRunWriter.formatScore(1e-7));
  }

  @Test
  void truncatesEachQueryToDepth() throws IOException {
    List<ScoredDoc> many = new ArrayList<>();
    for (int i = 0; i < 1005; i++) {
      many.add(new ScoredDoc("d" + i, i));
    }
    String text = written(TrecRunWriter.defaults(), Map.of("q", many));
    List<String> lines = text.lines().toList();
    assertEquals(RunEvaluator.DEFAULT_DEPTH, lines.size());
    assertEquals("q Q0 d1004 1 1004.0 latte", lines.get(0));
    assertTrue(lines.get(999).startsWith("q Q0 d5 1000 "), lines.get(999));
  }

  @Test
  void refusesIdsWithWhitespace() {
    TrecRunWriter writer = TrecRunWriter.defaults();
    IllegalArgumentException doc =
        assertThrows(
            IllegalArgumentException.class,
            () -> written(writer, Map.of("q", List.of(new ScoredDoc("a b", 1)))));
    assertTrue(doc.getMessage().contains("doc id \"a b\" contains whitespace"), doc.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> written(writer, Map.of("q\t1", List.of(new ScoredDoc("a", 1)))));
    assertThrows(IllegalArgumentException.class, () -> new TrecRunWriter("my tag", 10));
    assertThrows(IllegalArgumentException.class, () -> new TrecRunWriter("tag", 0));
  }

  @Test
  void writeReadRoundTripThroughAFileLeavesNoTemporaryFile() throws IOException {
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    run.put("q1", List.of(new ScoredDoc("b", 0.25), new ScoredDoc("a", 0.75)));
    run.put("q2", List.of(new ScoredDoc("\u00e9t\u00e9", 1e-9)));
    Path file = dir.resolve("runs/run.trec");
    TrecRunWriter.defaults().write(file, run);
    TrecRunWriter.defaults().write(file, run); // replaces
    assertEquals(List.of(file), Files.list(file.getParent()).toList());
    Map<String, List<ScoredDoc>> read = TrecRunReader.read(file);
    assertEquals(
        Map.of(
            "q1", List.of(new ScoredDoc("a", 0.75), new ScoredDoc("b", 0.25)),
            "q2", List.of(new ScoredDoc("\u00e9t\u00e9", 1e-9))),
        read);
    assertEquals(List.of("q1", "q2"), List.copyOf(read.keySet()));
  }

  @Test
  void readerIgnoresRankAndToleratesTabsBlankLinesAndBom() throws IOException {
    String text = "\uFEFFq1 Q0 a 7 1.5 t\n\n  q1\tQ0\tb\t1\t2e-3\tt  \r\nq2 0 c x 3 t\n";
    Map<String, List<ScoredDoc>> run =
        TrecRunReader.read(new BufferedReader(new StringReader(text)), "mem");
    assertEquals(
        Map.of(
            "q1", List.of(new ScoredDoc("a", 1.5), new ScoredDoc("b", 0.002)),
            "q2", List.of(new ScoredDoc("c", 3))),
        run);
  }

  @Test
  void readerErrorsNameFileAndLine() {
    assertReadError("q1 Q0 a 1 1 t\nq1 Q0 b 2 t\n", 2, "expected 6 columns");
    assertReadError("q1 Q0 a 1 high t\n", 1, "score \"high\" is not a number");
    assertReadError("q1 Q0 a 1 NaN t\n", 1, "not finite");
    assertReadError("q1 Q0 a 1 1 t\n\nq1 Q0 a 2 0.5 t\n", 3, "doc \"a\" listed twice for query \"q1\"");
  }

  private static void assertReadError(String text, int line, String reason) {
    TrecFormatException e =
        assertThrows(
            TrecFormatException.class,
            () -> TrecRunReader.read(new BufferedReader(new StringReader(text)), "run.txt"));
    assertEquals(line, e.line());
    assertTrue(e.getMessage().startsWith("run.txt line " + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void qrelsInTrecFormat() throws IOException {
    Qrels qrels = Qrels.builder().add("q2", "d9", 2).add("q2", "d1", 0).add("q1", "d1", 1).build();
    StringWriter out = new StringWriter();
    TrecQrelsWriter.write(out, qrels);
    assertEquals("q2 0 d9 2\nq2 0 d1 0\nq1 0 d1 1\n", out.toString());

    Path file = dir.resolve("qrels.txt");
    TrecQrelsWriter.write(file, qrels);
    assertEquals(out.toString(), Files.readString(file));
    assertThrows(
        IllegalArgumentException.class,
        () -> TrecQrelsWriter.write(new StringWriter(), Qrels.builder().add("q", "d 1", 1).build()));
  }
}

package io.latte.eval.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.Qrels;
import io.latte.eval.metrics.Evaluation;
import io.latte.eval.metrics.Measures;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.metrics.ScoredDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our measures against the NIST trec_eval binary on random qrels and runs: the independent check that
 * {@link RunEvaluator} computes what the IR community means by these measure names. Skipped only where
 * jtreceval has no binary for the platform.
 */
class TrecEvalCrossCheckTest {
  /** trec_eval prints 4 decimals; equal to 4 decimals = within half a unit of the last one. */
  private static final double PRINTED = 0.5e-4 + 1e-12;

  private static TrecEvalBinary trecEval;

  @TempDir Path dir;

  @BeforeAll
  static void findBinary() throws IOException {
    trecEval = TrecEvalBinary.bundled().orElse(null);
    assumeTrue(
        trecEval != null,
        "jtreceval bundles no trec_eval for "
            + System.getProperty("os.name")
            + "/"
            + System.getProperty("os.arch"));
  }

  @Test
  void bundledBinaryIsTrecEval9() throws IOException {
    assertTrue(trecEval.version().startsWith("trec_eval version 9."), trecEval.version());
  }

  /**
   * Pins down trec_eval's ranking rules with hand-made files: the rank column is ignored, ties go to
   * the larger doc id in byte order, and scores are compared as floats.
   */
  @Test
  void trecEvalBreaksTiesByDocIdDescending() throws IOException {
    Qrels qrels =
        Qrels.builder()
            .add("ties", "a", 1) // a, b, c tie: ranked c, b, a
            .add("digits", "doc9", 1) // "doc9" > "doc10" as strings
            .add("unicode", "\uFFFD", 1) // U+1F600 > U+FFFD in UTF-8 byte order
            .add("float", "a", 1) // 1.00000002 == 1.00000001 as floats: b first
            .build();
    String run =
        """
        ties Q0 a 1 0.5 t
        ties Q0 b 2 0.5 t
        ties Q0 c 3 0.5 t
        digits Q0 doc10 1 7 t
        digits Q0 doc9 2 7 t
        unicode Q0 \uFFFD 1 1 t
        unicode Q0 \uD83D\uDE00 2 1 t
        float Q0 a 1 1.00000002 t
        float Q0 b 2 1.00000001 t
        """;
    Path runFile = dir.resolve("ties.run");
    Files.writeString(runFile, run, StandardCharsets.UTF_8);
    Evaluation theirs = trecEval.evaluate(qrels, runFile);
    assertEquals(1 / 3.0, theirs.perQuery().get("ties").recip_rank(), PRINTED);
    assertEquals(1.0, theirs.perQuery().get("digits").recip_rank(), PRINTED);
    assertEquals(0.5, theirs.perQuery().get("unicode").recip_rank(), PRINTED);
    assertEquals(0.5, theirs.perQuery().get("float").recip_rank(), PRINTED);
    assertSame(RunEvaluator.defaults().evaluate(TrecRunReader.read(runFile), qrels), theirs, "ties");
  }

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    String fixed = System.getProperty("tests.seed");
    if (fixed != null) {
      seeds.add(Long.parseLong(fixed));
      return seeds;
    }
    long base = new Random().nextLong();
    int iterations = Integer.getInteger("tests.iterations", 24);
    for (int i = 0; i < iterations; i++) {
      seeds.add(base + i);
    }
    return seeds;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomRunsMatchTrecEval(long seed) throws IOException {
    String context = "seed " + seed + " (rerun with -Dtests.seed=" + seed + ")";
    try {
      compareOnRandomCase(RandomCase.generate(new Random(seed)), context);
    } catch (IOException | RuntimeException e) {
      throw new AssertionError(context + ": " + e.getMessage(), e);
    }
  }

  private void compareOnRandomCase(RandomCase random, String context) throws IOException {
    // Lines shuffled and rank column scrambled, so trec_eval has to sort exactly as we do.
    Path rawFile = dir.resolve("raw.run");
    Files.write(rawFile, random.shuffledRunLines(), StandardCharsets.UTF_8);
    Evaluation theirs = trecEval.evaluate(random.qrels(), rawFile);
    Evaluation ours = RunEvaluator.defaults().evaluate(random.run(), random.qrels());
    assertSame(ours, theirs, context);

    // Our writer's sorted, cut file must mean the same thing to trec_eval.
    Path writtenFile = dir.resolve("written.run");
    TrecRunWriter.defaults().write(writtenFile, random.run());
    assertSame(ours, trecEval.evaluate(random.qrels(), writtenFile), context + ", written run");
  }

  /** Real graded qrels (with grade-0 rows) and a random 1000-deep run over the real corpus. */
  @Test
  void cranfieldQrelsWithARandomRunMatchTrecEval() throws IOException {
    String shared = System.getProperty("latte.shared.dir");
    Path cranfield = shared == null ? null : Path.of(shared, "datasets", "cranfield");
    assumeTrue(cranfield != null && Files.isDirectory(cranfield), "no shared cranfield dataset");
    BeirDataset dataset = BeirDataset.open(cranfield);
    List<String> docIds;
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      docIds = corpus.map(BeirDocument::id).toList();
    }
    Qrels qrels = dataset.qrels("test");
    Random random = new Random(42);
    Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
    for (String query : qrels.judgedQueries()) {
      List<ScoredDoc> results = new ArrayList<>();
      for (String doc : docIds) {
        // Relevant docs get a head start so the measures are far from 0; coarse scores tie a lot.
        int boost = qrels.grade(query, doc) > 0 && random.nextInt(3) == 0 ? 20 : 0;
        results.add(new ScoredDoc(doc, random.nextInt(40) + boost));
      }
      run.put(query, results);
    }
    Path runFile = dir.resolve("cranfield.run");
    TrecRunWriter.defaults().write(runFile, run);
    Evaluation ours = RunEvaluator.defaults().evaluate(run, qrels);
    assertSame(ours, trecEval.evaluate(qrels, runFile), "cranfield");
    assertTrue(ours.mean().ndcg_cut_10() > 0.2, "not a trivial comparison: " + ours.mean());
  }

  @Test
  void failuresCarryTrecEvalsMessage() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "");
    IOException e =
        assertThrows(
            IOException.class,
            () -> trecEval.run(List.of("-m", "no_such_measure", empty.toString(), empty.toString())));
    assertTrue(e.getMessage().contains("no_such_measure"), e.getMessage());
  }

  @Test
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> TrecEvalBinary.at(dir.resolve("nope")));
    Qrels all = Qrels.builder().add("all", "d", 1).build();
    assertThrows(IllegalArgumentException.class, () -> trecEval.evaluate(all, dir.resolve("r")));
  }

  private static void assertSame(Evaluation ours, Evaluation theirs, String context) {
    assertEquals(ours.perQuery().keySet(), theirs.perQuery().keySet(), context);
    for (String query : ours.perQuery().keySet()) {
      assertClose(ours.perQuery().get(query), theirs.perQuery().get(query), context + ", query " + query);
    }
    assertClose(ours.mean(), theirs.mean(), context + ", mean");
  }

  private static void assertClose(Measures ours, Measures theirs, String context) {
    for (String name : Measures.NAMES) {
      assertEquals(theirs.get(name), ours.get(name), PRINTED, () -> context + ", " + name);
    }
  }

  /** Random qrels and a run with many score ties, sized to exercise every cut-off. */
  private record RandomCase(Qrels qrels, Map<String, List<ScoredDoc>> run) {
    private static final int[] GRADES = {-1, 0, 0, 1, 1, 1, 2, 3};

    static RandomCase generate(Random random) {
      List<String> pool = docPool(random, 20 + random.nextInt(1500));
      int queryCount = 1 + random.nextInt(40);
      Qrels.Builder qrels = Qrels.builder();
      Map<String, List<ScoredDoc>> run = new LinkedHashMap<>();
      for (int q = 0; q < queryCount; q++) {
        String queryId = "q" + q;
        Set<String> judged = new LinkedHashSet<>();
        int judgments = 1 + random.nextInt(Math.min(40, pool.size()));
        while (judged.size() < judgments) {
          judged.add(pool.get(random.nextInt(pool.size())));
        }
        boolean first = true;
        for (String doc : judged) {
          int grade = GRADES[random.nextInt(GRADES.length)];
          // trec_eval 9.0.4 fails ("Can't calculate measure") when the first query it scores has
          // only negative grades (a malloc(0) of its relevance-level table); BEIR has none, so avoid.
          qrels.add(queryId, doc, first && grade < 0 ? 0 : grade);
          first = false;
        }
        // Some judged queries get no results; q0 always has some, because trec_eval exits with
        // "No queries with both results and relevance info" when none has.
        if (q == 0) {
          List<ScoredDoc> results = results(random, pool, judged);
          run.put(queryId, results.isEmpty() ? List.of(new ScoredDoc(pool.get(0), 1)) : results);
        } else if (random.nextInt(8) > 0) {
          run.put(queryId, results(random, pool, judged));
        }
      }
      run.put("unjudged", results(random, pool, Set.of())); // ignored by both
      return new RandomCase(qrels.build(), run);
    }

    private static List<String> docPool(Random random, int size) {
      String[] prefixes = {"d", "D", "doc", "\u00e9", "x-", "\uD83D\uDE00", "\uFFFD"};
      Set<String> ids = new LinkedHashSet<>();
      while (ids.size() < size) {
        ids.add(prefixes[random.nextInt(prefixes.length)] + random.nextInt(size * 3));
      }
      return new ArrayList<>(ids);
    }

    private static List<ScoredDoc> results(Random random, List<String> pool, Set<String> judged) {
      int size =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(15); // shorter than every cut-off
            case 1 -> random.nextInt(150); // around the recall@100 cut-off
            default -> random.nextInt(Math.min(pool.size(), 1200) + 1); // past the 1000 cut-off
          };
      Set<String> chosen = new LinkedHashSet<>();
      for (String doc : judged) {
        if (chosen.size() < size && random.nextBoolean()) {
          chosen.add(doc);
        }
      }
      while (chosen.size() < Math.min(size, pool.size())) {
        chosen.add(pool.get(random.nextInt(pool.size())));
      }
      int mode = random.nextInt(4);
      List<ScoredDoc> results = new ArrayList<>();
      for (String doc : chosen) {
        double score =
            switch (mode) {
              case 0 -> random.nextInt(6) * 0.5; // coarse: many exact ties
              case 1 -> 1 + random.nextInt(5) * 1e-9; // ties only at float precision
              case 2 -> random.nextGaussian() * 10; // distinct, negative too
              default -> random.nextInt(1000) / 7.0; // repeating decimals, some ties
            };
        results.add(new ScoredDoc(doc, score));
      }
      return results;
    }

    /** The run as TREC lines in random order with a meaningless rank column. */
    List<String> shuffledRunLines() {
      List<String> lines = new ArrayList<>();
      Random random = new Random(run.size());
      run.forEach(
          (query, docs) -> {
            for (ScoredDoc doc : docs) {
              lines.add(
                  query
                      + " Q0 "
                      + doc.docId()
                      + " "
                      + (1 + random.nextInt(5000))
                      + " "
                      + TrecRunWriter.formatScore(doc.score())
                      + " raw");
            }
          });
      Collections.shuffle(lines, random);
      return lines;
    }
  }
}

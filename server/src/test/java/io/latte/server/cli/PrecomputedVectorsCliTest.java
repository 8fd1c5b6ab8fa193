package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.engine.EncoderEmbedder;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenVectorsWriter;
import io.latte.models.EncodedText;
import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latte index} from vectors computed by the real model outside the indexer (as a GPU job
 * would): from a JSONL {@code "vectors"} field, from a binary file beside the corpus, and from the
 * binary file alone with {@code --model precomputed} searched with {@code --query-vectors}. Each
 * index answers the sample queries exactly as the index built by encoding the text.
 */
class PrecomputedVectorsCliTest {
  static final List<String> QUERIES = List.of(
      "how do honeybees find flowers", "why does my espresso taste sour", "volcano eruption warning signs");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path jsonl;
  static Path vec;
  static List<Path> queryFiles = new ArrayList<>();

  /** Encodes the sample corpus and queries once, as an external producer would. */
  @BeforeAll
  static void encodeOutsideTheIndexer() throws Exception {
    jsonl = tmp.resolve("vectors.jsonl");
    vec = tmp.resolve("sample.vec");
    // One intra-op thread, as latte index's encoder workers use.
    try (TokenEncoder encoder = Encoders.open(Encoders.DEFAULT_MODEL, EncoderOptions.defaults().withThreads(1));
        CorpusFile corpus = CorpusFile.open(CorpusFile.resolve(CliTestSupport.SAMPLE));
        BufferedWriter out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8);
        TokenVectorsWriter bin = TokenVectorsWriter.create(vec, encoder.info().dim())) {
      EncoderEmbedder embedder = new EncoderEmbedder(encoder);
      int dim = encoder.info().dim();
      while (corpus.hasNext()) {
        SourceRecord r = corpus.next();
        SourceDocument d = (SourceDocument) r;
        DocumentVectors v = embedder.embed(List.of(d)).get(0);
        bin.write(d.id(), v.vectors(), v.tokenCount());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_id", d.id());
        line.put("title", d.title());
        line.put("text", d.text());
        line.put("metadata", d.metadata());
        float[][] rows = new float[v.tokenCount()][];
        int[][] offsets = new int[v.tokenCount()][];
        for (int t = 0; t < rows.length; t++) {
          rows[t] = Arrays.copyOfRange(v.vectors(), t * dim, (t + 1) * dim);
          offsets[t] = new int[] {v.starts()[t], v.ends()[t]};
        }
        line.put("vectors", rows);
        line.put("tokens", v.tokens());
        line.put("offsets", offsets);
        out.write(JSON.writeValueAsString(line));
        out.newLine();
      }
      for (int i = 0; i < QUERIES.size(); i++) {
        EncodedText q = encoder.encodeQuery(QUERIES.get(i));
        Path p = tmp.resolve("q" + i + ".json");
        JSON.writeValue(p.toFile(), Map.of("vectors", q.vectors(), "tokens", q.tokens()));
        queryFiles.add(p);
      }
    }
  }

  private static Path index(String name, String... args) {
    Path idx = tmp.resolve(name);
    List<String> all = new ArrayList<>(List.of("index", "--index", idx.toString(), "--centroids", "64"));
    all.addAll(List.of(args));
    CliTestSupport.Result r = IndexedSampleCliTest.run(all.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("263 documents written"), r.out());
    return idx;
  }

  /** "id score" of each hit line. */
  private static List<String> hits(CliTestSupport.Result r) {
    assertEquals(0, r.exitCode(), r.err());
    return r.out().lines().filter(l -> l.matches("\\s*\\d+\\. .*"))
        .map(l -> l.trim().split("\\s+")).map(f -> f[1] + " " + f[2]).toList();
  }

  private static List<String> search(Path idx, String mode, int q, boolean withVectors) {
    List<String> args = new ArrayList<>(List.of("search", "--index", idx.toString(), "--mode", mode, "--k", "10"));
    if (withVectors) {
      args.addAll(List.of("--query-vectors", queryFiles.get(q).toString()));
    } else {
      args.addAll(List.of("--query", QUERIES.get(q)));
    }
    return hits(IndexedSampleCliTest.run(args.toArray(String[]::new)));
  }

  @Test
  void indexesFromVectorsSearchLikeTheEncodedIndex() {
    Path encoded = index("encoded", "--corpus", CliTestSupport.SAMPLE.toString());
    Path fromJsonl = index("jsonl", "--corpus", jsonl.toString());
    Path beside = index("beside", "--corpus", CliTestSupport.SAMPLE.toString(), "--vectors", vec.toString());
    Path alone = index("alone", "--vectors", vec.toString(), "--model", "precomputed:bge-on-gpu");
    for (String mode : List.of("xtr", "colbert")) {
      for (int q = 0; q < QUERIES.size(); q++) {
        List<String> expected = search(encoded, mode, q, false);
        assertEquals(10, expected.size());
        assertEquals(expected, search(fromJsonl, mode, q, false), mode + " " + QUERIES.get(q));
        assertEquals(expected, search(beside, mode, q, false), mode + " " + QUERIES.get(q));
        assertEquals(expected, search(encoded, mode, q, true), "query vectors = encoding the query");
        assertEquals(expected, search(alone, mode, q, true), mode + " " + QUERIES.get(q));
      }
      // Naming the model that produced the vectors lets a model-free index take text queries.
      List<String> named = hits(IndexedSampleCliTest.run("search", "--index", alone.toString(), "--mode", mode,
          "--k", "10", "--query", QUERIES.get(0), "--model", "bge-small-en-v15-q"));
      assertEquals(search(encoded, mode, 0, false), named);
    }
    // No model: text queries are refused with a hint; bm25 over no text finds nothing but works.
    CliTestSupport.Result text = IndexedSampleCliTest.run("search", "--index", alone.toString(), "--query", "honeybees");
    assertNotEquals(0, text.exitCode());
    assertTrue(text.err().contains("built from precomputed vectors without a model: give the query's token vectors"),
        text.err());
    CliTestSupport.Result stats = IndexedSampleCliTest.run("stats", "--index", alone.toString());
    assertEquals(0, stats.exitCode(), stats.err());
  }

  @Test
  void badVectorInputsAreOneLineErrors() throws Exception {
    Path small = tmp.resolve("dim8.vec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(small, 8)) {
      w.write("a", new float[8], 1);
    }
    CliTestSupport.Result r = IndexedSampleCliTest.run("index", "--index", tmp.resolve("x").toString(),
        "--vectors", small.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains(small + " holds 8-dimensional vectors but the model 'bge-small-en-v15-q'"), r.err());

    CliTestSupport.Result q = IndexedSampleCliTest.run("search", "--index", tmp.resolve("x").toString(),
        "--query-vectors", "[[1, 2], [3]]");
    assertEquals(1, q.exitCode());
    CliTestSupport.Result none = IndexedSampleCliTest.run("index", "--index", tmp.resolve("y").toString());
    assertEquals(1, none.exitCode());
    assertTrue(none.err().contains("give --corpus, --vectors, or both"), none.err());
  }
}

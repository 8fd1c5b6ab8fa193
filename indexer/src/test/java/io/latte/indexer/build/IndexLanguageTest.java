package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.format.IndexMetaFile;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BM25 language is chosen at creation, recorded in the meta, and used by writer and reader. */
class IndexLanguageTest {

  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(32);

  private static List<SourceDocument> docs(String... texts) {
    List<SourceDocument> out = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new SourceDocument(texts[i], "", texts[i], Map.of(), "c.jsonl", i + 1));
    }
    return out;
  }

  @Test
  void spanishIndexStemsDocumentsAndQueriesAlike() throws Exception {
    Indexes.build(tmp, "es", docs("las canciones de la guerra", "un libro sobre ríos", "otra cosa"), embedder,
        Indexes.smallOptions().numCentroids(4).sampleTokens(50).language("es").build());
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertEquals("es", index.meta().language());
      String term = single(index, "canción");
      assertEquals(1, index.searcher().count(new TermQuery(new Term(LatteIndexFormat.FIELD_BM25, term))),
          "the singular finds the plural: both sides stemmed as Spanish");
      assertEquals(0, index.searcher().count(new TermQuery(new Term(LatteIndexFormat.FIELD_BM25, "las"))),
          "Spanish stop words are not indexed");
    }
    // Adding with another language is refused; without one, the index's own is used.
    BuildOptions en = BuildOptions.builder().language("en").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Indexes.build(tmp, "more", docs("más canciones"), embedder, en));
    assertTrue(e.getMessage().contains("language=en was requested but index"), e.getMessage());
    Indexes.build(tmp, "more", docs("x", "y", "z", "más canciones"), embedder, BuildOptions.builder().build());
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertEquals("es", index.meta().language());
      String term = single(index, "canción");
      assertEquals(2, index.searcher().count(new TermQuery(new Term(LatteIndexFormat.FIELD_BM25, term))));
    }
  }

  @Test
  void defaultIsEnglishAndMetaWithoutLanguageReadsAsEnglish() throws Exception {
    Indexes.build(tmp, "en", docs("running dogs", "a cat"), embedder,
        Indexes.smallOptions().numCentroids(2).sampleTokens(10).build());
    assertEquals("en", IndexMetaFile.read(tmp).language());
    Path meta = tmp.resolve(LatteIndexFormat.META_FILE);
    String json = Files.readString(meta, StandardCharsets.UTF_8);
    String old = json.replaceAll(",\\s*\"language\"\\s*:\\s*\"en\"", "");
    assertTrue(!old.contains("language"), old);
    Files.writeString(meta, old, StandardCharsets.UTF_8);
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertEquals("en", index.meta().language(), "an index from before the option is English");
      assertEquals("run", single(index, "running"));
    }
  }

  @Test
  void unknownLanguageIsRefusedBeforeAnythingIsWritten() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuildOptions.builder().language("klingon").build());
    assertTrue(e.getMessage().startsWith("unknown language 'klingon'; known: "), e.getMessage());
  }

  private static String single(LatteIndex index, String word) throws Exception {
    try (TokenStream ts = index.queryAnalyzer().tokenStream(LatteIndexFormat.FIELD_BM25, word)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      assertTrue(ts.incrementToken());
      String s = t.toString();
      ts.end();
      return s;
    }
  }
}

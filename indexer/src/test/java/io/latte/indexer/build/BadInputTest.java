package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.BadDocumentException;
import io.latte.indexer.input.BadDocumentPolicy;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.LatteIndexWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives file, line and reason; skip keeps going, stop stops. */
class BadInputTest {

  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(16);

  private static final String CORPUS = String.join("\n",
      "{\"_id\": \"a\", \"title\": \"A\", \"text\": \"alpha beta gamma\", \"metadata\": {\"year\": 2001}}",
      "{\"_id\": \"b\", \"text\": \"broken",                                   // 2 malformed JSON
      "{\"title\": \"no id\", \"text\": \"x y z\"}",                           // 3 missing _id
      "{\"_id\": \"c\", \"title\": \"\", \"text\": \"   \"}",                  // 4 empty text
      "{\"_id\": 5, \"text\": \"numeric id\"}",                                // 5 _id not a string
      "",                                                                      // 6 blank: ignored
      "{\"_id\": \"d\", \"text\": \"delta one\"}",                             // 7 replaced by line 8
      "{\"_id\": \"d\", \"text\": \"delta two\"}",                             // 8
      "{\"_id\": \"e\", \"text\": \"eps\", \"metadata\": {\"year\": \"old\"}}", // 9 wrong metadata type
      "[1, 2]",                                                                // 10 not an object
      "{\"_id\": \"f\", \"text\": \"phi chi\", \"metadata\": {\"year\": 2003}}");

  private Path corpus(String name) throws IOException {
    Path p = tmp.resolve(name);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
        out.write(CORPUS.getBytes(StandardCharsets.UTF_8));
      }
    } else {
      Files.writeString(p, CORPUS);
    }
    return p;
  }

  private BuildSummary index(Path corpus, Path index, BadDocumentPolicy policy) throws IOException {
    try (CorpusFile src = CorpusFile.open(corpus)) {
      return IndexBuilder.build(index, src, embedder,
          Indexes.smallOptions().numCentroids(4).badDocuments(policy).build(), null);
    }
  }

  @Test
  void skipReportsEveryBadLineAndIndexesTheRest() throws Exception {
    Path corpus = corpus("corpus.jsonl.gz");
    BuildSummary s = index(corpus, tmp.resolve("idx"), BadDocumentPolicy.SKIP);
    List<String> messages = s.reportedBadDocuments().stream().map(BadDocument::message).toList();
    String loc = corpus.toString();
    assertEquals(List.of(
        loc + " line 2: malformed JSON",
        loc + " line 3: missing \"_id\"",
        loc + " line 4 (_id \"c\"): empty text (title and text are both blank)",
        loc + " line 5: \"_id\" must be a string, found number 5",
        loc + " line 7 (_id \"d\"): duplicate _id in the same batch: replaced by line 8",
        loc + " line 9 (_id \"e\"): metadata \"year\" is keyword (old) but the index holds long values for it",
        loc + " line 10: expected a JSON object, found array [1,2]"),
        messages.stream().map(m -> m.replaceAll("(malformed JSON).*", "$1")).toList());
    assertEquals(7, s.badDocuments());
    assertEquals(3, s.documentsWritten());
    try (LatteIndex index = LatteIndex.open(tmp.resolve("idx"))) {
      assertEquals(3, index.reader().numDocs());
      var d = index.find("d").orElseThrow();
      assertEquals("delta two", d.leaf().storedFields().document(d.doc()).get("text"));
      assertEquals(11, index.commit().through(), "every line is accounted for");
    }
  }

  @Test
  void stopFailsAtTheFirstBadLineAndCommitsNothing() throws Exception {
    Path corpus = corpus("corpus.jsonl");
    Path idx = tmp.resolve("idx");
    var e = assertThrows(BadDocumentException.class, () -> index(corpus, idx, BadDocumentPolicy.STOP));
    assertTrue(e.getMessage().startsWith(corpus + " line 2: malformed JSON"), e.getMessage());
    assertEquals(2, e.bad().line());
    assertFalse(LatteIndexWriter.exists(idx), "the failure came before the first commit");
  }

  @Test
  void unreadableInputNamesTheFile() {
    Path missing = tmp.resolve("nope.jsonl");
    var e = assertThrows(IOException.class, () -> CorpusFile.open(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    var e2 = assertThrows(IOException.class, () -> CorpusFile.open(tmp));
    assertTrue(e2.getMessage().contains("no corpus.jsonl"), e2.getMessage());
  }

  @Test
  void aCorpusChangedBetweenItsTwoReadsIsRefused() throws Exception {
    Path p = tmp.resolve("changing.jsonl");
    Files.writeString(p, "{\"_id\": \"a\", \"text\": \"one\"}\n");
    try (CorpusFile src = CorpusFile.open(p)) {
      Files.writeString(p, "{\"_id\": \"a\", \"text\": \"one\"}\n{\"_id\": \"b\", \"text\": \"two\"}\n");
      var e = assertThrows(IllegalStateException.class, src::reopen);
      assertEquals("corpus " + p + " changed while it was being indexed", e.getMessage());
    }
  }

  @Test
  void nonPositiveEncodeThreadsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class, () -> BuildOptions.builder().encodeThreads(0).build());
    assertEquals("encodeThreads must be >= 1, got 0", e.getMessage());
  }

  @Test
  void notGzipDespiteTheNameNamesTheFile() throws Exception {
    Path p = tmp.resolve("plain.jsonl.gz");
    Files.writeString(p, CORPUS);
    var e = assertThrows(IOException.class, () -> CorpusFile.open(p));
    assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
  }

  @Test
  void emptyInputCannotCreateAnIndex() throws Exception {
    Path p = tmp.resolve("empty.jsonl");
    Files.writeString(p, "\n\n");
    var e = assertThrows(IllegalArgumentException.class, () -> index(p, tmp.resolve("idx"), BadDocumentPolicy.SKIP));
    assertTrue(e.getMessage().contains("no document with tokens"), e.getMessage());
    assertEquals(2, Files.readAllLines(p).size());
  }
}

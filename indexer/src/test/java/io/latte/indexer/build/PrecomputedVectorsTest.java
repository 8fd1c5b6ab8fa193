package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.BadDocumentPolicy;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.input.TokenVectorsFile;
import io.latte.indexer.input.TokenVectorsWriter;
import io.latte.indexer.input.VectorsWithCorpus;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents that bring their token vectors (a JSONL {@code "vectors"} field, a binary vectors file
 * alone or beside the corpus) skip the encoder and give the same index as encoding them: same
 * codebook, same compressed tokens. Bad vectors are reported with file and line.
 */
class PrecomputedVectorsTest {

  static final int DIM = 16;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(DIM);
  private final List<SourceDocument> docs = Corpora.documents(0, 150);

  /** The embedder, counting documents it is asked to encode. */
  private static final class Counting implements TokenEmbedder {
    final TokenEmbedder inner;
    final AtomicInteger encoded = new AtomicInteger();

    Counting(TokenEmbedder inner) {
      this.inner = inner;
    }

    @Override
    public ModelIdentity model() {
      return inner.model();
    }

    @Override
    public List<DocumentVectors> embed(List<SourceDocument> documents) {
      encoded.addAndGet(documents.size());
      return inner.embed(documents);
    }
  }

  private BuildOptions options() {
    return Indexes.smallOptions().expectedDocuments(docs.size()).sampleTokens(1500).build();
  }

  private Path corpus(boolean withVectors) throws IOException {
    Path p = tmp.resolve(withVectors ? "vectors.jsonl" : "corpus.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      for (SourceDocument d : docs) {
        w.write(JSON.writeValueAsString(line(d, withVectors)));
        w.newLine();
      }
    }
    return p;
  }

  private Map<String, Object> line(SourceDocument d, boolean withVectors) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", d.id());
    m.put("title", d.title());
    m.put("text", d.text());
    m.put("metadata", d.metadata());
    if (withVectors) {
      DocumentVectors v = embedder.embed(d);
      float[][] rows = new float[v.tokenCount()][];
      int[][] offsets = new int[v.tokenCount()][];
      for (int t = 0; t < rows.length; t++) {
        rows[t] = java.util.Arrays.copyOfRange(v.vectors(), t * DIM, (t + 1) * DIM);
        offsets[t] = new int[] {v.starts()[t], v.ends()[t]};
      }
      m.put("vectors", rows);
      m.put("tokens", v.tokens());
      m.put("offsets", offsets);
    }
    return m;
  }

  private Path vectorsFile() throws IOException {
    Path p = tmp.resolve("corpus.vec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(p, DIM)) {
      for (SourceDocument d : docs) {
        DocumentVectors v = embedder.embed(d);
        w.write(d.id(), v.vectors(), v.tokenCount());
      }
    }
    return p;
  }

  private BuildSummary build(Path index, DocumentSource source, TokenEmbedder e) throws IOException {
    try (source) {
      return IndexBuilder.build(index, source, e, options(), null);
    }
  }

  /** The encoded index's content, for comparison. */
  private static Object content(Path index) throws IOException {
    try (LatteIndex i = LatteIndex.open(index)) {
      return List.of(Indexes.postingsByCentroid(i), java.util.Arrays.toString(i.codebook().centroids()));
    }
  }

  @Test
  void vectorsGiveTheSameIndexAsEncodingWithoutCallingTheEncoder() throws Exception {
    Path encodedIdx = tmp.resolve("encoded");
    build(encodedIdx, CorpusFile.open(corpus(false)), embedder);
    Object expected = content(encodedIdx);

    Counting jsonl = new Counting(embedder);
    BuildSummary s = build(tmp.resolve("jsonl"), CorpusFile.open(corpus(true)), jsonl);
    assertEquals(docs.size(), s.documentsWritten());
    assertEquals(0, jsonl.encoded.get(), "documents with vectors skip the encoder");
    assertEquals(expected, content(tmp.resolve("jsonl")));

    Counting side = new Counting(embedder);
    build(tmp.resolve("side"), VectorsWithCorpus.open(corpus(false), vectorsFile()), side);
    assertEquals(0, side.encoded.get());
    assertEquals(expected, content(tmp.resolve("side")));
    try (LatteIndex i = LatteIndex.open(tmp.resolve("side"))) {
      var d = i.find("d7").orElseThrow();
      assertEquals(docs.get(7).text(), d.leaf().storedFields().document(d.doc()).get("text"), "text from the corpus");
    }

    // The binary file alone, without a model: the index records the precomputed identity.
    ModelIdentity none = ModelIdentity.precomputed("my-gpu-model", DIM);
    build(tmp.resolve("alone"), TokenVectorsFile.open(vectorsFile()), TokenEmbedder.precomputed(none));
    assertEquals(expected, content(tmp.resolve("alone")));
    try (LatteIndex i = LatteIndex.open(tmp.resolve("alone"))) {
      assertEquals(none, i.meta().model());
      assertTrue(i.meta().model().isPrecomputed());
    }
  }

  @Test
  void aModelFreeIndexTakesMoreVectorsButNotText() throws Exception {
    ModelIdentity none = ModelIdentity.precomputed(null, DIM);
    Path idx = tmp.resolve("idx");
    build(idx, CorpusFile.open(corpus(true)), TokenEmbedder.precomputed(none));
    Path more = tmp.resolve("more.jsonl");
    Files.writeString(more, String.join("\n",
        "{\"_id\": \"new1\", \"vectors\": " + JSON.writeValueAsString(rows(2, DIM)) + "}",
        "{\"_id\": \"new2\", \"text\": \"only text\"}"));
    BuildSummary s;
    try (CorpusFile src = CorpusFile.open(more)) {
      s = IndexBuilder.build(idx, src, TokenEmbedder.precomputed(none), options(), null);
    }
    assertEquals(1, s.documentsWritten());
    assertEquals(List.of(more + " line 2 (_id \"new2\"): no \"vectors\": the index is built from precomputed"
        + " vectors and has no model to encode the text"), messages(s));
    // The model that produced the vectors, named by the user, may encode more documents.
    Path text = tmp.resolve("text.jsonl");
    Files.writeString(text, "{\"_id\": \"new3\", \"text\": \"encoded by the named model\"}\n");
    try (CorpusFile src = CorpusFile.open(text)) {
      assertEquals(1, IndexBuilder.build(idx, src, embedder, options(), null).documentsWritten());
    }
    var narrow = new RandomEmbedder(8);
    var wrongDim = assertThrows(IllegalArgumentException.class,
        () -> IndexBuilder.build(idx, CorpusFile.open(text), narrow, options(), null));
    assertTrue(wrongDim.getMessage().endsWith("but the model 'random-test' (dim 8, checksum c0ffee) produces"
        + " 8-dimensional vectors"), wrongDim.getMessage());
    var other = TokenEmbedder.precomputed(ModelIdentity.precomputed("other", DIM));
    var e = assertThrows(IllegalArgumentException.class,
        () -> IndexBuilder.build(idx, CorpusFile.open(more), other, options(), null));
    assertTrue(e.getMessage().contains("'precomputed' (precomputed vectors, dim 16, no model)"), e.getMessage());
    assertTrue(e.getMessage().contains("(--model precomputed:precomputed)"), e.getMessage());
  }

  private static float[][] rows(int n, int dim) {
    float[][] r = new float[n][dim];
    for (int i = 0; i < n; i++) {
      r[i][i % dim] = 1;
    }
    return r;
  }

  private static List<String> messages(BuildSummary s) {
    return s.reportedBadDocuments().stream().map(BadDocument::message).toList();
  }

  @Test
  void badVectorsAreReportedWithFileLineAndElement() throws Exception {
    List<String> lines = new ArrayList<>();
    for (SourceDocument d : docs.subList(0, 40)) {
      lines.add(JSON.writeValueAsString(line(d, true)));
    }
    String ok = "[[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]";
    lines.add("{\"_id\": \"dim\", \"vectors\": [[1, 2, 3]]}"); // 41
    lines.add("{\"_id\": \"inf\", \"vectors\": [[1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1e39]]}"); // 42
    lines.add("{\"_id\": \"empty\", \"vectors\": []}"); // 43
    lines.add("{\"_id\": \"ragged\", \"vectors\": " + ok.replace("]]", "], [1, 2]]") + "}"); // 44
    lines.add("{\"_id\": \"str\", \"vectors\": [[1, \"x\"]]}"); // 45
    lines.add("{\"_id\": \"flat\", \"vectors\": [1, 2]}"); // 46
    lines.add("{\"_id\": \"toks\", \"vectors\": " + ok + ", \"tokens\": [\"a\", \"b\"]}"); // 47
    lines.add("{\"_id\": \"offs\", \"text\": \"abc\", \"vectors\": " + ok + ", \"tokens\": [\"a\"], \"offsets\": [[0, 9]]}"); // 48
    lines.add("{\"_id\": \"nulls\", \"vectors\": null}"); // 49
    lines.add("{\"_id\": \"fine\", \"vectors\": " + ok + "}"); // 50
    Path p = tmp.resolve("bad.jsonl");
    Files.write(p, lines);
    BuildSummary s;
    try (CorpusFile src = CorpusFile.open(p)) {
      s = IndexBuilder.build(tmp.resolve("idx"), src, new Counting(embedder),
          Indexes.smallOptions().numCentroids(4).build(), null);
    }
    String f = p.toString();
    assertEquals(List.of(
        f + " line 41 (_id \"dim\"): vectors[0] has 3 values, but the index takes 16-dimensional token vectors",
        f + " line 42 (_id \"inf\"): vectors[0][15] is Infinity: values must be finite",
        f + " line 43 (_id \"empty\"): vectors is empty: a document needs at least one token vector",
        f + " line 44 (_id \"ragged\"): vectors[1] has 2 values but vectors[0] has 16 (every token vector must have the same length)",
        f + " line 45 (_id \"str\"): vectors[0][1] must be a number, found string \"x\"",
        f + " line 46 (_id \"flat\"): vectors[0] must be an array of numbers, found 1",
        f + " line 47 (_id \"toks\"): tokens has 2 entries but there are 1 token vectors",
        f + " line 48 (_id \"offs\"): offsets[0] must be [start, end] with 0 <= start <= end <= 3 (the length of title + \" \" + text), or [-1, -1]",
        f + " line 49 (_id \"nulls\"): vectors must be an array of arrays of numbers, found null"),
        messages(s));
    assertEquals(41, s.documentsWritten());
  }

  @Test
  void badBinaryRecordsAreReportedAndABrokenFileStops() throws Exception {
    Path p = tmp.resolve("bad.vec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(p, 4)) {
      w.write("a", new float[] {1, 0, 0, 0}, 1);
      w.write("nan", new float[] {1, 0, 0, 0, 0, Float.NaN, 0, 0}, 2);
      w.write("none", new float[0], 0);
      w.write("", new float[] {1, 0, 0, 0}, 1);
      w.write("b", new float[] {0, 1, 0, 0}, 1);
    }
    assertEquals(5, TokenVectorsFile.countRecords(p));
    List<Object> read = new ArrayList<>();
    try (TokenVectorsFile f = TokenVectorsFile.open(p)) {
      assertEquals(4, f.dim());
      f.forEachRemaining(r -> read.add(r instanceof BadDocument b ? b.message() : ((SourceDocument) r).id()));
    }
    assertEquals(List.of("a",
        p + " line 2 (_id \"nan\"): (byte 41) vectors[1][1] is NaN: values must be finite",
        p + " line 3 (_id \"none\"): (byte 84) vectors is empty: a document needs at least one token vector",
        p + " line 4: (byte 96) the _id is empty",
        "b"), read);

    // Cut inside the last record: everything before it is read, then a clear error.
    byte[] all = Files.readAllBytes(p);
    Path cut = tmp.resolve("cut.vec");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 3));
    try (TokenVectorsFile f = TokenVectorsFile.open(cut)) {
      for (int i = 0; i < 4; i++) {
        f.next();
      }
      var e = assertThrows(java.io.UncheckedIOException.class, f::hasNext);
      assertEquals("cannot read vectors " + cut + " record 5 (byte 120): truncated: the file ends inside the record",
          e.getMessage());
    }
    // A record whose sizes are sane but too large for one document is skipped, and reading goes on.
    Path huge = tmp.resolve("huge.vec");
    int wide = 4096;
    int many = io.latte.indexer.input.TokenVectors.MAX_FLOATS / wide + 1;
    try (var ch = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE)) {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.put("LATTEVEC".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(wide).putInt(1).put((byte) 'h').putInt(many);
      ch.write(b.flip());
      long end = ch.position() + (long) many * wide * Float.BYTES;
      b.clear().putInt(1).put((byte) 'z').putInt(1);
      ch.write(b.flip(), end); // a sparse file: the big record reads as zeros and is never allocated
      ch.write(java.nio.ByteBuffer.allocate(wide * Float.BYTES).put(0, new byte[] {0, 0, (byte) 0x80, 0x3f}),
          end + 9);
    }
    try (TokenVectorsFile f = TokenVectorsFile.open(huge)) {
      assertEquals(huge + " line 1 (_id \"h\"): (byte 16) vectors has " + many + " token vectors of 4096 values,"
          + " more than 134217728 floats in all", ((BadDocument) f.next()).message());
      assertEquals("z", ((SourceDocument) f.next()).id());
      assertFalse(f.hasNext());
    }

    Path notOurs = tmp.resolve("x.vec");
    Files.writeString(notOurs, "{\"_id\": \"a\", \"text\": \"json, not vectors\"}");
    var e = assertThrows(IOException.class, () -> TokenVectorsFile.open(notOurs));
    assertEquals(notOurs + " is not a latte token-vectors file: it does not start with \"LATTEVEC\"", e.getMessage());
  }

  /** Lines read by next() alone, and by skip() on every third record (what sampling does). */
  private static List<Long> lines(DocumentSource src, boolean skipping) {
    List<Long> out = new ArrayList<>();
    try (src) {
      for (int i = 0; ; i++) {
        if (skipping && i % 3 != 0) {
          long line = src.skip();
          if (line < 0) {
            return out;
          }
          out.add(-line);
        } else if (src.hasNext()) {
          SourceRecord r = src.next();
          assertTrue(r instanceof SourceDocument d && d.hasVectors(), r.toString());
          out.add(r.line());
        } else {
          return out;
        }
      }
    }
  }

  @Test
  void skippingRecordsKeepsEverySourceInStep() throws Exception {
    Path corpus = corpus(true);
    Files.writeString(corpus, "\n\n" + Files.readString(corpus).replace("\n{\"_id\": \"d9\"", "\n\n{\"_id\": \"d9\""));
    Path vec = vectorsFile();
    for (var open : List.<java.util.concurrent.Callable<DocumentSource>>of(() -> CorpusFile.open(corpus),
        () -> TokenVectorsFile.open(vec), () -> VectorsWithCorpus.open(corpus(false), vec))) {
      List<Long> read = lines(open.call(), false);
      List<Long> skipped = lines(open.call(), true);
      assertEquals(docs.size(), read.size());
      assertEquals(read, skipped.stream().map(Math::abs).toList());
    }
  }

  @Test
  void aVectorsFileOutOfStepWithTheCorpusStops() throws Exception {
    Path corpus = corpus(false);
    Path vec = tmp.resolve("swapped.vec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(vec, DIM)) {
      for (int i : new int[] {0, 2, 1}) {
        DocumentVectors v = embedder.embed(docs.get(i));
        w.write(docs.get(i).id(), v.vectors(), v.tokenCount());
      }
    }
    try (VectorsWithCorpus src = VectorsWithCorpus.open(corpus, vec)) {
      assertEquals("d0", ((SourceDocument) src.next()).id());
      var e = assertThrows(IllegalArgumentException.class, src::next);
      assertEquals(corpus + " line 2 has _id \"d1\" but record 2 of vectors file " + vec + " has _id \"d2\": the"
          + " vectors file must list the corpus's documents in the same order, one record per non-blank line",
          e.getMessage());
    }
    Path shorter = tmp.resolve("shorter.vec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(shorter, DIM)) {
      for (int i : new int[] {0, 1}) {
        DocumentVectors v = embedder.embed(docs.get(i));
        w.write(docs.get(i).id(), v.vectors(), v.tokenCount());
      }
    }
    try (VectorsWithCorpus src = VectorsWithCorpus.open(corpus, shorter)) {
      src.next();
      src.next();
      var e = assertThrows(IllegalArgumentException.class, src::next);
      assertTrue(e.getMessage().endsWith("the vectors file has fewer records than the corpus has lines"), e.getMessage());
    }
    assertFalse(Files.exists(tmp.resolve("idx")));
  }
}

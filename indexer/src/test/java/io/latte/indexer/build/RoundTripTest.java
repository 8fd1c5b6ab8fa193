package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.ResidualQuantizer;
import io.latte.indexer.format.DocCodes;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.MetadataType;
import io.latte.indexer.format.TokenText;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What goes in comes out: vectors within the quantiser's bound, postings = matrix, fields, filters. */
class RoundTripTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "bits={0} dims={1}")
  @CsvSource({"2, 0", "1, 0", "4, 16"})
  void everyStructureRoundTrips(int bits, int dims) throws Exception {
    int dim = 32;
    RandomEmbedder embedder = new RandomEmbedder(dim);
    List<SourceDocument> docs = Corpora.documents(0, 150);
    // The sample covers every token, so every residual lies inside the quantiser's training range.
    Indexes.build(tmp, "c", docs, embedder,
        Indexes.smallOptions().bits(bits).projectionDim(dims).commitEveryDocs(40).build());

    try (LatteIndex index = LatteIndex.open(tmp, embedder.model());
        var dir = FSDirectory.open(tmp);
        CheckIndex check = new CheckIndex(dir)) {
      assertTrue(check.checkIndex().clean, "CheckIndex");
      Codebook cb = index.codebook();
      assertEquals(bits, cb.bits());
      assertEquals(dims == 0 ? dim : dims, cb.dim());
      assertEquals(docs.size(), index.reader().numDocs());
      ResidualQuantizer q = cb.quantizer();
      Map<String, float[]> decoded = Indexes.decodedById(index);
      Map<String, DocCodes> codes = Indexes.codesById(index);
      long tokens = 0;
      for (SourceDocument d : docs) {
        DocumentVectors v = embedder.embed(d);
        float[] got = decoded.get(d.id());
        assertEquals(v.tokenCount() * cb.dim(), got.length, d.id());
        for (int t = 0; t < v.tokenCount(); t++) {
          float[] x = new float[dim];
          System.arraycopy(v.vectors(), t * dim, x, 0, dim);
          float[] px = cb.project(x);
          // The bound is the quantiser's: undo the token's stored scale.
          DocCodes c = codes.get(d.id());
          float scale = cb.scale(c.codes(), t * cb.bytesPerVector());
          for (int k = 0; k < cb.dim(); k++) {
            float err = Math.abs(px[k] - got[t * cb.dim() + k] / scale);
            assertTrue(err <= q.errorBound(k) * 1.0001f + 1e-5f,
                d.id() + " token " + t + " dim " + k + ": error " + err + " > bound " + q.errorBound(k));
          }
        }
        tokens += v.tokenCount();
        var ref = index.find(d.id()).orElseThrow();
        TokenText text = ref.leaf().tokenText(ref.doc());
        assertArrayEquals(v.tokens(), text.tokens());
        assertArrayEquals(v.starts(), text.starts());
        assertArrayEquals(v.ends(), text.ends());
        var stored = ref.leaf().storedFields().document(ref.doc());
        assertEquals(d.title(), stored.get(LatteIndexFormat.FIELD_TITLE));
        assertEquals(d.text(), stored.get(LatteIndexFormat.FIELD_TEXT));
        assertNotNull(stored.get(LatteIndexFormat.FIELD_METADATA));
      }

      // Cluster-major postings hold exactly the doc-major matrix, token by token.
      Map<Integer, TreeSet<String>> postings = Indexes.postingsByCentroid(index);
      long postingCount = 0;
      java.util.HexFormat hex = java.util.HexFormat.of();
      int bpv = cb.bytesPerVector();
      for (var e : postings.entrySet()) {
        for (String p : e.getValue()) {
          String id = p.substring(0, p.indexOf('@'));
          int pos = Integer.parseInt(p.substring(p.indexOf('@') + 1, p.indexOf(':')));
          DocCodes c = codes.get(id);
          assertEquals(e.getKey(), c.centroids()[pos], p);
          assertEquals(hex.formatHex(c.codes(), pos * bpv, (pos + 1) * bpv), p.substring(p.indexOf(':') + 1), p);
          postingCount++;
        }
      }
      assertEquals(tokens, postingCount);

      IndexSearcher s = index.searcher();
      long expectedYear = docs.stream().filter(d -> ((Integer) d.metadata().get("year")) <= 1994).count();
      assertEquals(expectedYear, s.count(LongPoint.newRangeQuery("meta.year", 1990, 1994)));
      assertEquals(75, s.count(new TermQuery(new Term("meta.venue", "even"))));
      long tagged = docs.stream().filter(d -> ((List<?>) d.metadata().get("tags")).contains("t1")).count();
      assertEquals(tagged, s.count(new TermQuery(new Term("meta.tags", "t1"))));
      assertEquals(11, s.count(DoublePoint.newRangeQuery("meta.score", 0.5, 1.5)));
      long withWord = docs.stream().filter(d -> List.of(d.text().split(" ")).contains("w7")).count();
      assertEquals(withWord, s.count(new TermQuery(new Term(LatteIndexFormat.FIELD_BM25, "w7"))));
      var schema = index.commit().schema().types();
      assertEquals(MetadataType.LONG, schema.get("year"));
      assertEquals(MetadataType.KEYWORD, schema.get("venue"));
      assertEquals(MetadataType.DOUBLE, schema.get("score"));
      assertEquals(MetadataType.KEYWORD, schema.get("tags"));
      assertTrue(index.commit().complete());
      assertEquals(docs.size(), index.commit().written());
    }
  }
}

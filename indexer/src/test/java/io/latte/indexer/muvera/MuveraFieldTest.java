package io.latte.indexer.muvera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.format.LatteIndexFormat;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class MuveraFieldTest {

  @Test
  void theLimitIsLucenesHnswLimit() {
    assertEquals(1024, MuveraField.MAX_DIMENSION);
    assertEquals(KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS, MuveraField.MAX_DIMENSION);
    FixedDimensionalEncoder tooBig = new FixedDimensionalEncoder(new FdeConfig(2, 2, 0, 0, 1), 384);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MuveraField.check(tooBig));
    assertTrue(e.getMessage().startsWith("MUVERA encoding dimension must be <= 1024 (Lucene's HNSW limit), got 3072"),
        e.getMessage());
    MuveraField.check(new FixedDimensionalEncoder(new FdeConfig(2, 2, 0, 1024, 1), 384)); // sketched down: fine
  }

  @Test
  void theFieldHoldsTheDocumentEncodingWithMaximumInnerProduct() {
    FixedDimensionalEncoder enc = new FixedDimensionalEncoder(FdeConfig.defaults(), 32);
    float[] tokens = new float[5 * 32];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = (float) Math.cos(i);
    }
    KnnFloatVectorField f = MuveraField.create(enc, tokens, 5);
    assertEquals(LatteIndexFormat.FIELD_MUVERA, f.name());
    assertEquals(VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT, f.fieldType().vectorSimilarityFunction());
    assertEquals(1024, f.fieldType().vectorDimension());
    assertArrayEquals(enc.encodeDocument(tokens, 5), f.vectorValue());
    KnnFloatVectorField same = MuveraField.create(MuveraField.fieldType(enc), enc.encodeDocument(tokens, 5));
    assertArrayEquals(f.vectorValue(), same.vectorValue());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MuveraField.create(MuveraField.fieldType(enc), new float[1000]));
    assertEquals("encoding.length must be the field's dimension 1024, got 1000", e.getMessage());
    Map<String, String> attrs = f.fieldType().getAttributes();
    assertEquals(FdeConfig.defaults(), MuveraField.config(attrs));
    assertEquals(32, MuveraField.inputDim(attrs));
  }

  @Test
  void configAttributesAreValidated() {
    assertNull(MuveraField.config(null));
    assertNull(MuveraField.config(Map.of()));
    assertEquals(-1, MuveraField.inputDim(Map.of()));
    Map<String, String> a = new HashMap<>(MuveraField.fieldType(
        new FixedDimensionalEncoder(FdeConfig.defaults(), 8)).getAttributes());
    a.put(MuveraField.ATTR_SIMHASH_BITS, "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MuveraField.config(a));
    assertEquals("field attribute latte.muvera.simhash_bits must be an integer, got x", e.getMessage());
    a.remove(MuveraField.ATTR_SIMHASH_BITS);
    e = assertThrows(IllegalArgumentException.class, () -> MuveraField.config(a));
    assertEquals("field attribute latte.muvera.simhash_bits is missing", e.getMessage());
  }

  /** The config travels in each segment's field infos, through flushes and merges. */
  @Test
  void segmentsDescribeTheirEncodingThroughMerges() throws Exception {
    int dim = 16;
    FdeConfig config = new FdeConfig(16, 2, 4, 0, 77);
    FixedDimensionalEncoder enc = new FixedDimensionalEncoder(config, dim);
    ClusteredTokens data = new ClusteredTokens(3, dim, 8, 60, 1, 0.5);
    try (Directory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig iwc = new IndexWriterConfig();
      try (IndexWriter w = new IndexWriter(dir, iwc)) {
        var type = MuveraField.fieldType(enc);
        for (int d = 0; d < data.docs.length; d++) {
          Document doc = new Document();
          doc.add(new StoredField("n", d));
          doc.add(MuveraField.create(type, enc, data.docs[d], data.docTokens[d]));
          w.addDocument(doc);
          if (d % 20 == 19) {
            w.flush();
          }
        }
        w.commit();
        try (DirectoryReader r = DirectoryReader.open(w)) {
          assertEquals(3, r.leaves().size());
          for (LeafReaderContext leaf : r.leaves()) {
            FieldInfo fi = leaf.reader().getFieldInfos().fieldInfo(LatteIndexFormat.FIELD_MUVERA);
            assertEquals(config, MuveraField.config(fi.attributes()));
          }
        }
        w.forceMerge(1);
        w.commit();
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertEquals(1, r.leaves().size());
        FieldInfo fi = r.leaves().get(0).reader().getFieldInfos().fieldInfo(LatteIndexFormat.FIELD_MUVERA);
        assertEquals(config, MuveraField.config(fi.attributes()));
        assertEquals(dim, MuveraField.inputDim(fi.attributes()));
        // The HNSW search over the stored encodings ranks like the brute-force inner product.
        float[] q = enc.encodeQuery(data.queries[0], data.queryTokens[0]);
        TopDocs top = new IndexSearcher(r).search(new KnnFloatVectorQuery(LatteIndexFormat.FIELD_MUVERA, q, 60), 5);
        double best = Double.NEGATIVE_INFINITY;
        int bestDoc = -1;
        for (int d = 0; d < data.docs.length; d++) {
          double s = ClusteredTokens.dot(q, enc.encodeDocument(data.docs[d], data.docTokens[d]));
          if (s > best) {
            best = s;
            bestDoc = d;
          }
        }
        int found = r.storedFields().document(top.scoreDocs[0].doc).getField("n").numericValue().intValue();
        assertEquals(bestDoc, found);
      }
    }
  }
}

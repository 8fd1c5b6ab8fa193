package io.latte.searcher.muvera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.indexer.muvera.MuveraField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class MuveraEncodersTest {

  /** One segment per encoder, no merging. */
  private static DirectoryReader index(Directory dir, FixedDimensionalEncoder... encoders) throws Exception {
    IndexWriterConfig c = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, c)) {
      for (FixedDimensionalEncoder e : encoders) {
        Document d = new Document();
        d.add(new StringField("id", "x", Field.Store.NO));
        if (e != null) {
          float[] tokens = new float[3 * e.inputDim()];
          java.util.Arrays.fill(tokens, 0.5f);
          d.add(MuveraField.create(e, tokens, 3));
        }
        w.addDocument(d);
        w.commit();
      }
    }
    return DirectoryReader.open(dir);
  }

  @Test
  void theEncoderComesFromTheSegmentsAndIsCached() throws Exception {
    FdeConfig c = new FdeConfig(16, 2, 4, 0, 5);
    try (Directory dir = new ByteBuffersDirectory();
        DirectoryReader r = index(dir, null, new FixedDimensionalEncoder(c, 8), new FixedDimensionalEncoder(c, 8))) {
      assertEquals(3, r.leaves().size());
      FixedDimensionalEncoder e = MuveraEncoders.forIndex(r, 8).orElseThrow();
      assertEquals(c, e.config());
      assertEquals(8, e.inputDim());
      assertSame(e, MuveraEncoders.forIndex(r, 8).orElseThrow(), "cached");
    }
  }

  @Test
  void noFieldMeansNoEncoder() throws Exception {
    try (Directory dir = new ByteBuffersDirectory(); DirectoryReader r = index(dir, (FixedDimensionalEncoder) null)) {
      assertTrue(MuveraEncoders.forIndex(r, 8).isEmpty());
    }
  }

  @Test
  void segmentsThatDisagreeOrAnotherDimensionAreCorrupt() throws Exception {
    FdeConfig c = new FdeConfig(16, 2, 4, 0, 5);
    try (Directory dir = new ByteBuffersDirectory();
        DirectoryReader r = index(dir, new FixedDimensionalEncoder(c, 8), new FixedDimensionalEncoder(c.withSeed(6), 8))) {
      CorruptIndexException e = assertThrows(CorruptIndexException.class, () -> MuveraEncoders.forIndex(r, 8));
      assertTrue(e.getMessage().contains("segments disagree on the MUVERA config"), e.getMessage());
    }
    try (Directory dir = new ByteBuffersDirectory(); DirectoryReader r = index(dir, new FixedDimensionalEncoder(c, 8))) {
      CorruptIndexException e = assertThrows(CorruptIndexException.class, () -> MuveraEncoders.forIndex(r, 16));
      assertTrue(e.getMessage().contains("encoded from 8-d token vectors but the codebook's dimension is 16"),
          e.getMessage());
    }
  }
}

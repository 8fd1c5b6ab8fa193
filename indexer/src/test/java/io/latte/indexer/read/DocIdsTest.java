package io.latte.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hit ids come from the id doc values, and from stored fields where a segment has none. */
class DocIdsTest {

  @TempDir Path tmp;

  @Test
  void docValuesNameEveryDocumentAsStoredFieldsDo() throws Exception {
    RandomEmbedder embedder = new RandomEmbedder(16);
    List<SourceDocument> docs = Corpora.documents(0, 70);
    Indexes.build(tmp, "c", docs, embedder, Indexes.smallOptions().numCentroids(8).commitEveryDocs(30).build());
    try (LatteIndex index = LatteIndex.open(tmp, embedder.model())) {
      int seen = 0;
      for (LeafReaderContext leaf : index.reader().leaves()) {
        assertNotNull(leaf.reader().getSortedDocValues(LatteIndexFormat.FIELD_ID), "id doc values");
        var stored = leaf.reader().storedFields();
        for (int doc = leaf.reader().maxDoc() - 1; doc >= 0; doc--, seen++) { // backwards: fresh iterators
          String expected = stored.document(doc, Set.of(LatteIndexFormat.FIELD_ID)).get(LatteIndexFormat.FIELD_ID);
          assertEquals(expected, DocIds.id(leaf.reader(), doc));
        }
      }
      assertEquals(docs.size(), seen);
    }
  }

  @Test
  void segmentsWithoutDocValuesFallBackToStoredFields() throws Exception {
    try (var dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (String id : new String[] {"a", "b"}) {
          Document d = new Document();
          d.add(new StringField(LatteIndexFormat.FIELD_ID, id, Field.Store.YES));
          w.addDocument(d);
        }
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        var leaf = r.leaves().get(0).reader();
        assertNull(leaf.getSortedDocValues(LatteIndexFormat.FIELD_ID));
        assertEquals("b", DocIds.id(leaf, 1));
        assertEquals("a", DocIds.id(leaf, 0));
      }
    }
  }
}

package io.latte.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.write.LuceneConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's codec writes latte's token field with the postings format of latte's own writer
 * config, other fields with the delegate's, and its segments reopen through SPI.
 */
class LatteOpenSearchCodecTest {
  @TempDir Path dir;

  @Test
  void tokenFieldGetsLattesFormatOthersTheDelegatesAndSegmentsReopen() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig().setCodec(new LatteOpenSearchCodec(new Lucene103Codec()));
    try (Directory d = FSDirectory.open(dir)) {
      try (IndexWriter w = new IndexWriter(d, config)) {
        Document doc = new Document();
        doc.add(new TextField(LatteIndexFormat.FIELD_TOKENS, "c1 c2", Field.Store.NO));
        doc.add(new TextField("title", "espresso", Field.Store.NO));
        w.addDocument(doc);
        w.commit();
      }
      try (DirectoryReader r = DirectoryReader.open(d)) { // the codec by name: SPI's no-argument instance
        LeafReader leaf = r.leaves().get(0).reader();
        assertEquals(LatteOpenSearchCodec.NAME, ((SegmentReader) leaf).getSegmentInfo().info.getCodec().getName());
        PostingsFormat latte = ((PerFieldPostingsFormat) LuceneConfig.codec().postingsFormat())
            .getPostingsFormatForField(LatteIndexFormat.FIELD_TOKENS);
        assertEquals(latte.getName(), format(leaf, LatteIndexFormat.FIELD_TOKENS));
        assertEquals(new Lucene103Codec().getPostingsFormatForField("title").getName(), format(leaf, "title"));
        assertNotNull(leaf.terms(LatteIndexFormat.FIELD_TOKENS));
        assertEquals(1, leaf.docFreq(new org.apache.lucene.index.Term("title", "espresso")));
      }
    }
  }

  private static String format(LeafReader leaf, String field) {
    return leaf.getFieldInfos().fieldInfo(field).getAttribute(PerFieldPostingsFormat.PER_FIELD_FORMAT_KEY);
  }
}

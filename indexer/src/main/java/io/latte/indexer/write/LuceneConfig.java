package io.latte.indexer.write;

import io.latte.indexer.codec.LatteCodec;
import io.latte.indexer.format.LatteIndexFormat;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;

/** How latte configures Lucene's {@link org.apache.lucene.index.IndexWriter}, in one place. */
public final class LuceneConfig {

  /**
   * Lucene's indexing buffer: segments are flushed when it is full, which bounds the writer's memory
   * whatever the corpus size (postings with payloads take roughly 1.2 × their on-disk size).
   */
  public static final double DEFAULT_RAM_BUFFER_MB = 128;

  private LuceneConfig() {}

  /**
   * The codec every latte writer uses: Lucene's default with latte's token postings format. Public so
   * that hosts wrapping their own codec (the OpenSearch plugin) take the token field's format from
   * here without building a writer config (which would load BM25 analyzers they do not ship).
   */
  public static org.apache.lucene.codecs.Codec codec() {
    return new LatteCodec();
  }

  /** The writer configuration of an English index (the default BM25 language). */
  public static IndexWriterConfig writerConfig(boolean create, double ramBufferMb) {
    return writerConfig(io.latte.indexer.analysis.Bm25Languages.DEFAULT, create, ramBufferMb);
  }

  /**
   * @param language the index's BM25 language ({@link io.latte.indexer.format.IndexMeta#language()})
   * @param create true to start a new index (discarding anything uncommitted in the directory)
   */
  public static IndexWriterConfig writerConfig(String language, boolean create, double ramBufferMb) {
    IndexWriterConfig c = new IndexWriterConfig(LatteIndexFormat.indexAnalyzer(language));
    c.setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND);
    c.setSimilarity(LatteIndexFormat.similarity());
    c.setRAMBufferSizeMB(ramBufferMb);
    // The token field's postings are the scanned cluster-major layout (LatteTokensPostingsFormat).
    c.setCodec(codec());
    // Progress is only durable at our explicit commits, which record what they hold; closing must
    // never publish a half-written batch.
    c.setCommitOnClose(false);
    // One file per structure, so stats can attribute bytes by extension (.pay, .dvd, .fdt, …).
    c.setUseCompoundFile(false);
    TieredMergePolicy mp = new TieredMergePolicy();
    mp.setNoCFSRatio(0.0);
    c.setMergePolicy(mp);
    return c;
  }
}

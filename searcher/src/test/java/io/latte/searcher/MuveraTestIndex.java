package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.CodebookTrainer;
import io.latte.indexer.format.CommitData;
import io.latte.indexer.format.EncodedDocument;
import io.latte.indexer.format.FitStats;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LuceneDocuments;
import io.latte.indexer.format.MetadataSchema;
import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.indexer.muvera.MuveraField;
import io.latte.indexer.write.LatteIndexWriter;
import io.latte.indexer.write.LuceneConfig;
import io.latte.indexer.write.TokenCompressor;
import io.latte.indexer.input.SourceDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds a latte index whose documents carry the MUVERA field, through the writer's public pieces
 * plus exactly the hook the index writer is to gain (see {@link #addMuvera}): until the writer adds
 * the field itself, this is how tests get such an index. Codebook, meta and first commit come from
 * {@link LatteIndexWriter#create}; documents from {@link TokenCompressor} and {@link LuceneDocuments}.
 */
final class MuveraTestIndex {
  private MuveraTestIndex() {}

  /**
   * @param commitEvery documents per commit (several segments)
   * @param config the encoding, or null for an index without the field
   */
  static void build(Path dir, List<SourceDocument> docs, TokenEmbedder embedder, int centroids, int commitEvery,
      FdeConfig config) throws IOException {
    List<DocumentVectors> vectors = embedder.embed(docs);
    int dim = embedder.model().dim();
    int rows = 0;
    for (DocumentVectors v : vectors) {
      rows += v.tokenCount();
    }
    float[] sample = new float[rows * dim];
    int r = 0;
    for (DocumentVectors v : vectors) {
      System.arraycopy(v.vectors(), 0, sample, r * dim, v.tokenCount() * dim);
      r += v.tokenCount();
    }
    Codebook cb = CodebookTrainer.train(sample, rows, dim, CodebookTrainer.Options.defaults()
        .withNumCentroids(centroids).withIterations(3).withThreads(1).withSeed(42), null);
    IndexMeta meta;
    CommitData base;
    try (LatteIndexWriter w = LatteIndexWriter.create(
        dir, cb, embedder.model(), new IndexMeta.Build(rows, docs.size(), rows, 0, 42, 3, 0), "muvera-test", 16)) {
      meta = w.meta();
      base = w.lastCommit();
    }
    TokenCompressor compressor = new TokenCompressor(cb, 0, 42);
    LuceneDocuments documents = new LuceneDocuments(meta);
    FixedDimensionalEncoder encoder = config == null ? null : new FixedDimensionalEncoder(config, cb.dim());
    FieldType type = encoder == null ? null : MuveraField.fieldType(encoder);
    MetadataSchema schema = base.schema();
    try (Directory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, LuceneConfig.writerConfig(false, 16))) {
      int written = 0;
      for (int from = 0; from < vectors.size(); from += commitEvery) {
        List<DocumentVectors> batch = vectors.subList(from, Math.min(vectors.size(), from + commitEvery));
        List<EncodedDocument> encoded = compressor.compress(batch);
        for (int i = 0; i < batch.size(); i++) {
          List<MetadataValues.Value> meta2 = MetadataValues.flatten(batch.get(i).source().metadata());
          schema = schema.accept(meta2);
          Document doc = documents.build(encoded.get(i), meta2);
          if (encoder != null) {
            addMuvera(doc, type, encoder, cb, batch.get(i));
          }
          w.addDocument(doc);
          written++;
        }
        boolean last = from + commitEvery >= vectors.size();
        CommitData data = base.withProgress(schema, written, written, last, FitStats.EMPTY, compressor.fit());
        w.setLiveCommitData(data.toUserData().entrySet());
        w.commit();
      }
    }
  }

  /** The writer hook: the MUVERA field from the document's float vectors in the codebook's space. */
  static void addMuvera(Document doc, FieldType type, FixedDimensionalEncoder encoder, Codebook cb, DocumentVectors v) {
    float[] projected = cb.projection().map(p -> p.applyAll(v.vectors(), v.tokenCount())).orElse(v.vectors());
    doc.add(MuveraField.create(type, encoder, projected, v.tokenCount()));
  }
}

package io.latte.indexer.format;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.write.TokenCompressor;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexableField;

/**
 * A document's token vectors as the Lucene fields latte searches: the centroid-term field {@value
 * LatteIndexFormat#FIELD_TOKENS} that token retrieval scans, the doc-major codes exact re-scoring
 * reads, and the token count. The one place these fields are built: {@link LuceneDocuments} (what
 * {@code latte index} and the server write) adds them through {@link #fields}, and a plain Lucene
 * application adds what {@link #create} returns to its own documents, then writes them with an
 * {@link org.apache.lucene.index.IndexWriter} configured by {@link
 * io.latte.indexer.write.LuceneConfig#writerConfig}.
 *
 * <p>Vectors are compressed with the index's {@link Codebook}: nearest centroid (the term) plus
 * quantised residual (the payload), so the application must use the same codebook at query time.
 */
public final class LateInteractionTokensField {
  private LateInteractionTokensField() {}

  /**
   * Compresses {@code vectors} (one row per token, {@code codebook.inputDim()} floats each) with
   * exact nearest-centroid assignment and returns the fields to add to the document.
   *
   * @throws IllegalArgumentException when there are no tokens, a row has the wrong dimension or a
   *     value is not finite
   */
  public static List<IndexableField> create(float[][] vectors, Codebook codebook) {
    return create(vectors, new TokenCompressor(codebook, 0, 0));
  }

  /**
   * As {@link #create(float[][], Codebook)} with a caller's compressor, e.g. {@link
   * TokenCompressor#forIndex} to assign centroids exactly as the index's own writer does (its
   * two-level search is approximate on large codebooks). A compressor is not thread-safe.
   */
  public static List<IndexableField> create(float[][] vectors, TokenCompressor compressor) {
    Codebook cb = compressor.codebook();
    EncodedDocument doc = compressor.compress(List.of(vectors(vectors, cb.inputDim()))).get(0);
    return fields(doc, LatteIndexFormat.centroidBytes(cb.numCentroids()), cb.bytesPerVector(), new CentroidTokenStream());
  }

  /**
   * The fields of an already compressed document.
   *
   * @param stream the token stream the tokens field reads, reused per writing thread (Lucene
   *     consumes it while adding the document)
   */
  public static List<IndexableField> fields(EncodedDocument doc, int centroidBytes, int bytesPerVector,
      CentroidTokenStream stream) {
    stream.setDocument(doc, centroidBytes, bytesPerVector);
    return List.of(
        new Field(LatteIndexFormat.FIELD_TOKENS, stream, LuceneDocuments.TOKENS_TYPE),
        new NumericDocValuesField(LatteIndexFormat.FIELD_TOKEN_COUNT, doc.tokenCount()));
  }

  private static DocumentVectors vectors(float[][] vectors, int dim) {
    if (vectors == null || vectors.length == 0) {
      throw new IllegalArgumentException("a document needs at least one token vector");
    }
    float[] flat = new float[vectors.length * dim];
    for (int t = 0; t < vectors.length; t++) {
      if (vectors[t].length != dim) {
        throw new IllegalArgumentException(
            "token " + t + " has " + vectors[t].length + " dimensions, the codebook takes " + dim);
      }
      for (int d = 0; d < dim; d++) {
        float v = vectors[t][d];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("token " + t + " has a non-finite value " + v + " at dimension " + d);
        }
        flat[t * dim + d] = v;
      }
    }
    // The compressor takes whole documents; only the vectors of this anonymous one are read.
    SourceDocument source = new SourceDocument("", "", "", Map.of(), "a Lucene document", 0);
    return new DocumentVectors(source, flat, vectors.length, null, null, null);
  }
}

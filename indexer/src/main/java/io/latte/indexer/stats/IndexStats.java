package io.latte.indexer.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code latte stats} reports about an index.
 *
 * <p><b>Bytes by structure.</b> Lucene writes one file per structure and segment (compound files
 * are off, see {@code LuceneConfig}), but several fields share each file, and Lucene 10's postings
 * format keeps the payloads of a term's last partial block (under 128 positions — most centroids
 * of a segment) inline in {@code .pos}, not in {@code .pay}. So the two code structures are
 * computed exactly by arithmetic and the rest is attributed by file extension:
 *
 * <pre>
 * postings_payloads   storedTokens × bytesPerVector: the residual codes in the postings (Lucene
 *                     stores payload bytes as they are)
 * postings            .doc .pos .pay .tim .tip .tmd .psm minus the above: doc ids, positions (token
 *                     ordinals), payload lengths and term dictionaries of every indexed field (token
 *                     field shared with BM25 text, _id and keyword metadata)
 * doc_matrix          Σ_docs (vint(n) + n × (centroidBytes + bytesPerVector)): the doc-major matrix
 *                     values (Lucene stores binary doc values uncompressed)
 * doc_values_other    .dvd .dvm minus the above: token counts, metadata doc values, address tables
 * stored              .fdt .fdx .fdm: id, title, text, metadata JSON, token strings/offsets
 * codebook            latte meta and codebook files (a fixed cost: centroids, projection, quantiser)
 * other               points, norms, field infos, segment infos, live docs, segments_N
 * </pre>
 *
 * Per-token figures divide by {@code storedTokens}: the tokens physically present, including those
 * of deleted documents not yet merged away. For comparison, Lucene's {@code LateInteractionField}
 * stores {@code 4 × inputDim} bytes per token.
 *
 * @param documents live documents
 * @param deletedDocuments deleted documents still in segments
 * @param tokens tokens of live documents
 * @param storedTokens tokens of all documents in the segments
 * @param centroidsUsed distinct centroids with at least one token
 * @param segments Lucene segments
 * @param sizeBytes every file of the last commit plus meta and codebook
 * @param bytesByStructure see above, in the order listed
 * @param bytesByExtension raw per-extension totals ("segments" for segments_N, "latte" for our files)
 * @param payloadBytes payload code bytes (arithmetic; = bytesByStructure postings_payloads)
 * @param matrixBytes doc-matrix value bytes (arithmetic; = bytesByStructure doc_matrix)
 */
public record IndexStats(
    long documents,
    long deletedDocuments,
    long tokens,
    long storedTokens,
    int inputDim,
    int dim,
    int bits,
    int numCentroids,
    int centroidsUsed,
    int bytesPerVector,
    int centroidBytes,
    int segments,
    long sizeBytes,
    Map<String, Long> bytesByStructure,
    Map<String, Long> bytesByExtension,
    long payloadBytes,
    long matrixBytes,
    String model,
    CodebookFit fit) {

  /** Total bytes per stored token. */
  public double bytesPerToken() {
    return storedTokens == 0 ? Double.NaN : (double) sizeBytes / storedTokens;
  }

  /** Bytes per stored token of each structure, plus "total". */
  public Map<String, Double> bytesPerTokenByStructure() {
    Map<String, Double> m = new LinkedHashMap<>();
    bytesByStructure.forEach((k, v) -> m.put(k, storedTokens == 0 ? Double.NaN : (double) v / storedTokens));
    m.put("total", bytesPerToken());
    return m;
  }

  /** Bytes per token of Lucene's float32 {@code LateInteractionField}, the baseline to beat. */
  public int float32BytesPerToken() {
    return 4 * inputDim;
  }

  /**
   * A JSON-ready view with snake_case keys; always has at least {@code documents}, {@code tokens},
   * {@code dim}, {@code bits}, {@code bytes_per_token} and {@code size_bytes}.
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documents", documents);
    m.put("deleted_documents", deletedDocuments);
    m.put("tokens", tokens);
    m.put("tokens_stored", storedTokens);
    m.put("model", model);
    m.put("input_dim", inputDim);
    m.put("dim", dim);
    m.put("bits", bits);
    m.put("centroids", numCentroids);
    m.put("centroids_used", centroidsUsed);
    m.put("bytes_per_vector", bytesPerVector);
    m.put("segments", segments);
    m.put("size_bytes", sizeBytes);
    m.put("bytes_per_token", nanToNull(bytesPerToken()));
    Map<String, Object> per = new LinkedHashMap<>();
    bytesPerTokenByStructure().forEach((k, v) -> per.put(k, nanToNull(v)));
    m.put("bytes_per_token_by_structure", per);
    m.put("bytes_by_structure", bytesByStructure);
    m.put("bytes_by_extension", bytesByExtension);
    m.put("payload_code_bytes", payloadBytes);
    m.put("matrix_value_bytes", matrixBytes);
    m.put("float32_bytes_per_token", float32BytesPerToken());
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("training_mse", nanToNull(fit.trainingError()));
    f.put("original_mse", nanToNull(fit.original().meanSquaredError()));
    f.put("original_tokens", fit.original().tokens());
    f.put("recent_mse", nanToNull(fit.recent().meanSquaredError()));
    f.put("recent_tokens", fit.recent().tokens());
    f.put("original_relative_error", nanToNull(fit.original().relativeError()));
    f.put("recent_relative_error", nanToNull(fit.recent().relativeError()));
    f.put("recent_to_original", nanToNull(fit.errorRatio()));
    f.put("verdict", fit.verdict());
    m.put("codebook_fit", f);
    return m;
  }

  private static Object nanToNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}

package io.latte.indexer.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code latte stats} reports about an index.
 *
 * <p><b>Bytes by structure</b>, attributed by file extension (compound files are off, see {@code
 * LuceneConfig}):
 *
 * <pre>
 * token_codes   .ltc: the residual codes, cluster-major and block-transposed (the one copy)
 * token_maps    .ltd .ltm: per token its document and ordinal, per document where its tokens are,
 *               the cluster directory
 * postings      .doc .pos .pay .tim .tip .tmd .psm: BM25 text, _id and keyword metadata
 * doc_values    .dvd .dvm: _id, token counts, metadata doc values
 * stored        .fdt .fdx .fdm: id, title, text, metadata JSON, token strings/offsets
 * muvera        .vec .vex .vem .vemf: MUVERA encodings
 * codebook      latte meta and codebook files (a fixed cost: centroids, projection, quantiser)
 * other         points, norms, field infos, segment infos, live docs, segments_N
 * </pre>
 *
 * <b>Resident bytes</b>: what the page cache must hold for search at full speed — token files, doc
 * values, live docs, codebook and meta (stored fields are read for returned hits only).
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
 * @param residentBytes see above
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
    long residentBytes,
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
    m.put("resident_bytes", residentBytes);
    m.put("resident_bytes_per_token", nanToNull(storedTokens == 0 ? Double.NaN : (double) residentBytes / storedTokens));
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

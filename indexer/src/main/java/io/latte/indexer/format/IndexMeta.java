package io.latte.indexer.format;

import io.latte.indexer.analysis.Bm25Languages;
import io.latte.indexer.muvera.FdeConfig;
import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.input.ModelIdentity;
import java.time.Instant;
import java.util.Objects;

/**
 * The index meta file ({@value LatteIndexFormat#META_FILE}), written once when the index is created.
 * Everything that changes later (progress, schema, fit) lives in {@link CommitData}.
 *
 * @param formatVersion {@link LatteIndexFormat#FORMAT_VERSION} of the writer
 * @param model the model whose token vectors are indexed
 * @param inputDim floats per token from the model ({@code model.dim})
 * @param dim floats per token in the index (after the optional projection)
 * @param bits residual bits per dimension (1, 2 or 4)
 * @param centroids number of centroids
 * @param centroidBytes bytes per centroid id in terms and in the matrix
 * @param bytesPerVector residual code bytes per token ({@code dim · bits / 8})
 * @param codebook the codebook file and its checksum
 * @param build how the codebook was trained
 * @param created creation time, ISO-8601
 * @param muvera the MUVERA fixed-dimensional encoding every document carries (field {@value
 *     LatteIndexFormat#FIELD_MUVERA}), or null for an index without it
 * @param language the BM25 field's analyzer ({@link Bm25Languages}), for documents and queries
 *     alike; absent in indexes written before it existed, which read as {@value
 *     Bm25Languages#DEFAULT}
 */
public record IndexMeta(
    int formatVersion,
    ModelIdentity model,
    int inputDim,
    int dim,
    int bits,
    int centroids,
    int centroidBytes,
    int bytesPerVector,
    CodebookRef codebook,
    Build build,
    String created,
    FdeConfig muvera,
    String language) {

  /**
   * @param file codebook file name, relative to the index directory
   * @param sha256 SHA-256 of the file's bytes, hex
   * @param trainingError mean squared quantisation error on the training sample (null if unknown)
   */
  public record CodebookRef(String file, String sha256, Double trainingError) {}

  /**
   * @param sampleTokens token vectors the codebook was trained on
   * @param sampleDocuments documents they came from
   * @param estimatedTokens tokens expected in the whole collection (drives the centroid count)
   * @param projectionDim PCA output dimensions, 0 for none
   * @param seed k-means seed
   * @param kmeansIterations Lloyd iterations
   * @param assignProbes coarse groups probed per token when assigning centroids, 0 = exact
   */
  public record Build(
      long sampleTokens, long sampleDocuments, long estimatedTokens, int projectionDim, long seed,
      int kmeansIterations, int assignProbes) {}

  public IndexMeta {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(codebook, "codebook");
    Objects.requireNonNull(build, "build");
    language = Bm25Languages.normalize(language);
  }

  /** The meta of a new index with {@code codebook}, whose file hashes to {@code sha256}. */
  public static IndexMeta of(ModelIdentity model, Codebook codebook, String sha256, Build build, FdeConfig muvera,
      String language) {
    if (codebook.inputDim() != model.dim()) {
      throw new IllegalArgumentException(
          "codebook inputDim " + codebook.inputDim() + " must equal the model dim " + model.dim());
    }
    float err = codebook.trainingError();
    return new IndexMeta(
        LatteIndexFormat.FORMAT_VERSION, model, codebook.inputDim(), codebook.dim(), codebook.bits(),
        codebook.numCentroids(), LatteIndexFormat.centroidBytes(codebook.numCentroids()),
        codebook.bytesPerVector(),
        new CodebookRef(LatteIndexFormat.CODEBOOK_FILE, sha256, Float.isNaN(err) ? null : (double) err),
        build, Instant.now().toString(), muvera, language);
  }

  /**
   * Checks that {@code cb} is the codebook this meta describes.
   *
   * @throws org.apache.lucene.index.CorruptIndexException naming the first field that disagrees
   */
  void checkAgainst(Codebook cb, String resource) throws org.apache.lucene.index.CorruptIndexException {
    String bad = null;
    if (cb.inputDim() != inputDim) {
      bad = "inputDim " + cb.inputDim() + " vs " + inputDim;
    } else if (cb.dim() != dim) {
      bad = "dim " + cb.dim() + " vs " + dim;
    } else if (cb.bits() != bits) {
      bad = "bits " + cb.bits() + " vs " + bits;
    } else if (cb.numCentroids() != centroids) {
      bad = "centroids " + cb.numCentroids() + " vs " + centroids;
    } else if (cb.bytesPerVector() != bytesPerVector) {
      bad = "bytesPerVector " + cb.bytesPerVector() + " vs " + bytesPerVector;
    } else if (centroidBytes != LatteIndexFormat.centroidBytes(centroids)) {
      bad = "centroidBytes " + centroidBytes + " for " + centroids + " centroids";
    } else if (inputDim != model.dim()) {
      bad = "inputDim " + inputDim + " vs model dim " + model.dim();
    }
    if (bad != null) {
      throw new org.apache.lucene.index.CorruptIndexException(
          "codebook and " + LatteIndexFormat.META_FILE + " disagree: " + bad, resource);
    }
  }
}

package io.latte.indexer.format;

import io.latte.indexer.analysis.Bm25Languages;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * Names every file and field of a latte index and documents its byte layout. Writers and readers
 * take names from here only; {@link #FORMAT_VERSION} is checked on open.
 *
 * <h2>Files in the index directory</h2>
 *
 * <pre>
 * segments_N, _0.* …       one Lucene index (default codec, no compound files, so that
 *                          {@code latte stats} can attribute bytes by file extension)
 * {@value #META_FILE}          index meta, JSON ({@link IndexMeta}), written once, atomically
 * {@value #CODEBOOK_FILE}       the codebook (layout on io.latte.indexer.codebook.Codebook, CRC32
 *                          footer), written once, atomically, before the first commit
 * </pre>
 *
 * Consistency chain, checked by {@link IndexFiles#load}: the last Lucene commit's user data records
 * the codebook's SHA-256 ({@link CommitData#KEY_CODEBOOK}); the meta records the same SHA-256 and the
 * file name; the codebook file must hash to it and pass its own CRC. Creation order is codebook →
 * meta → first commit, so a crash before the first commit leaves no commit and the next run simply
 * starts over; after it, every commit is self-consistent.
 *
 * <h2>Lucene fields (one document per corpus document)</h2>
 *
 * <pre>
 * field              kind                                     content
 * {@value #FIELD_ID}                StringField, stored, SortedDocValues     corpus _id: key of updates/deletes; the doc
 *                                                               values name a hit without decompressing its
 *                                                               stored fields (older indexes: stored only)
 * {@value #FIELD_TITLE}              StoredField                              title
 * {@value #FIELD_TEXT}               StoredField                              text
 * {@value #FIELD_BM25}               TextField (the index's language)        title + " " + text, for BM25(k1=0.9, b=0.4)
 * {@value #FIELD_TOKENS}             indexed, DOCS_AND_FREQS_AND_POSITIONS,   one token per document token:
 *                    omitNorms, payloads                        term = centroid id, position = token
 *                                                               ordinal, payload = residual codes
 * {@value #FIELD_MATRIX}       BinaryDocValues                          doc-major codes (layout below)
 * {@value #FIELD_TOKEN_COUNT}        NumericDocValues                         number of tokens
 * {@value #FIELD_TOKEN_TEXT}         StoredField (bytes)                      token strings + offsets (layout below)
 * {@value #FIELD_METADATA}           StoredField                              the metadata object as JSON (display)
 * {@value #METADATA_PREFIX}&lt;key&gt;         see {@link MetadataType}                   metadata for filtering
 * {@value #FIELD_MUVERA}             reserved: KnnFloatVectorField            MUVERA fixed-dimensional encoding,
 *                                                               added by the searcher module
 * </pre>
 *
 * <b>Centroid terms</b> ({@link CentroidTerms}): the centroid id as {@code w} big-endian bytes, {@code
 * w = } {@link #centroidBytes(int)} of the centroid count (2 up to 65 536 centroids), so term order is
 * id order and a terms enum walks centroids in order. This is the cluster-major layout WARP scans:
 * the postings of centroid {@code c} list, per document, the ordinals of its tokens in {@code c}
 * with each token's {@code B = dim · bits / 8} code bytes as payload.
 *
 * <p><b>Doc-major matrix</b> ({@link DocMatrixCodec}), one value per document:
 *
 * <pre>
 * vint          n = token count
 * n × w bytes   centroid id of each token, big-endian, token order
 * n × B bytes   residual codes of each token, token order (packing: ResidualQuantizer)
 * </pre>
 *
 * Lucene stores binary doc values uncompressed, so this costs {@code n · (w + B)} bytes plus a vint
 * and the address table. Lucene's own {@code LateInteractionField} stores {@code 4 · dim + 4} bytes
 * per token (float32); at 128 dimensions and 2 bits this is 2 + 32 instead of 512.
 *
 * <p><b>Token text</b> ({@link TokenTextCodec}), stored bytes (compressed by the stored-fields
 * format):
 *
 * <pre>
 * vint n
 * n × { vint start + 1 (0 = not from the text); vint end - start, only if start + 1 &gt; 0;
 *       vint UTF-8 length; UTF-8 bytes of the token string }
 * </pre>
 *
 * Offsets are char offsets into {@code title + " " + text} stripped (what the encoder saw).
 *
 * <h2>Commit user data</h2>
 *
 * Every commit carries {@link CommitData}: format version, codebook SHA-256, metadata schema,
 * progress of the run that made it (input fingerprint, last input line handled, documents written,
 * whether the run completed) and quantisation-error statistics. See that class for the keys.
 *
 * <h2>Room for MUVERA</h2>
 *
 * The searcher adds a {@code KnnFloatVectorField} named {@value #FIELD_MUVERA} with the default
 * codec's HNSW format (Lucene99Hnsw, at most 1024 dimensions). A quantised per-field vector format
 * would need a codec registered through SPI (readers find codecs by name) and set in {@link
 * io.latte.indexer.write.LuceneConfig}; per STACK-NOTES, return a concrete format from {@code
 * PerFieldKnnVectorsFormat}. Adding the field to new documents of an existing index is allowed.
 */
public final class LatteIndexFormat {

  /** Version of this layout; bump on any incompatible change. */
  public static final int FORMAT_VERSION = 1;

  public static final String META_FILE = "latte-meta.json";
  public static final String CODEBOOK_FILE = "latte-codebook.bin";

  public static final String FIELD_ID = "_id";
  public static final String FIELD_TITLE = "title";
  public static final String FIELD_TEXT = "text";
  public static final String FIELD_BM25 = "bm25";
  public static final String FIELD_TOKENS = "tokens";
  public static final String FIELD_MATRIX = "token_matrix";
  public static final String FIELD_TOKEN_COUNT = "token_count";
  public static final String FIELD_TOKEN_TEXT = "token_text";
  public static final String FIELD_METADATA = "metadata";
  public static final String FIELD_MUVERA = "muvera";
  public static final String METADATA_PREFIX = "meta.";

  /** BM25 parameters chosen for short scientific/technical passages (Anserini's BEIR setting). */
  public static final float BM25_K1 = 0.9f;

  public static final float BM25_B = 0.4f;

  private LatteIndexFormat() {}

  /** Bytes per centroid id: 1 up to 256 centroids, 2 up to 65 536, 3 up to 2^24, else 4. */
  public static int centroidBytes(int numCentroids) {
    if (numCentroids < 1) {
      throw new IllegalArgumentException("numCentroids must be >= 1, got " + numCentroids);
    }
    int bytes = 1;
    while (bytes < 4 && (numCentroids - 1) >>> (8 * bytes) != 0) {
      bytes++;
    }
    return bytes;
  }

  /** The similarity of the BM25 field, for index writing and for every searcher. */
  public static Similarity similarity() {
    return new BM25Similarity(BM25_K1, BM25_B);
  }

  /**
   * Index-time analyzer: the index's language ({@link IndexMeta#language()}) for the BM25 field.
   * The token field carries its own pre-built token stream and keyword fields are not analysed; the
   * standard analyzer covers anything else.
   *
   * @throws IllegalArgumentException for an unknown language code
   */
  public static Analyzer indexAnalyzer(String language) {
    return new PerFieldAnalyzerWrapper(
        new StandardAnalyzer(), Map.of(FIELD_BM25, Bm25Languages.analyzer(language)));
  }

  /** Analyzer for BM25 query text (the field's index analyzer; shared, thread-safe). */
  public static Analyzer queryAnalyzer(String language) {
    return Bm25Languages.analyzer(language);
  }

  /** The Lucene field of metadata key {@code key}. */
  public static String metadataField(String key) {
    return METADATA_PREFIX + key;
  }
}

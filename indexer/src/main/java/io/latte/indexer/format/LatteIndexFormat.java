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
 *                    omitNorms, payloads; postings format     term = centroid id, position = token
 *                    LatteTokens10 (layout below)             ordinal, payload = residual codes
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
 * id order and a terms enum walks centroids in order.
 *
 * <h2>Token files (format 2): the field's postings are the scanned layout</h2>
 *
 * The token field is written by {@link io.latte.indexer.codec.LatteTokensPostingsFormat} ("LatteTokens10",
 * routed by {@link io.latte.indexer.codec.LatteCodec}) at flush and at merge, as three files per segment
 * named {@code _N_LatteTokens10_0.ext}. Each starts with a {@code CodecUtil} index header (codec
 * name, version, segment id, suffix) and ends with a {@code CodecUtil} footer (CRC32), verified by
 * {@code CheckIndex}. {@code B} code bytes per token: {@code dim · bits / 8} of residual, then one
 * {@link io.latte.indexer.codebook.TokenScale} byte when the codebook stores token scales (the default
 * since codebook format 3: 97 at 384-d, 2 bits; a scan finds a block's scales as its last column), {@code T}
 * tokens and {@code D = maxDoc} documents in the segment, {@code S} non-empty clusters. A token is
 * addressed by its <i>ref</i>: cluster-major, the tokens of one cluster in (document, ordinal) order.
 *
 * <pre>
 * .ltc  codes (scanned; the only copy of the codes)                                 B per token
 *       per cluster in centroid order, per block of 64 of its tokens (the last block holds the
 *       rest, m ≤ 64, and is stored m wide: no padding on disk):
 *         for t in 0..B-1: byte t of each of the block's m tokens           m × B bytes per block
 * .ltd  per-token and per-document maps, Lucene DirectWriter packed integers
 *       (bits rounded up to 1, 2, 4, 8, 12, 16, 20, 24, 28, 32, …; each stream followed by padding):
 *         T × (doc &lt;&lt; p | ordinal), p = bits of the largest ordinal       ≈ (bits(D) + p) / 8 per token
 *                                                                       (SciFact: 24 bits = 3 B)
 *         D + 1 × first index of each document's tokens in the map below     bits(T) / 8 per document
 *         T × ref of each (document, ordinal), document-major (exact re-scoring gathers a
 *             document's tokens from .ltc through it)                   bits(T) / 8 per token
 *                                                                       (SciFact: 24 bits = 3 B)
 * .ltm  directory (read into the heap at open: 3 ints per cluster)
 *         byte present (0: the segment has no tokens; nothing follows)
 *         vint B, vint w, vint D, vint documents with a token, vint S, vint T
 *         S × { vint centroid − previous centroid − 1, vint tokens, vint documents }
 *         vlong offset, vlong length of the codes in .ltc
 *         vint p, vint bits, vlong offset, vlong length of the (doc, ordinal) stream in .ltd
 *         vint bits, vlong offset, vlong length of the document starts
 *         vint bits, vlong offset, vlong length of the ref map
 * </pre>
 *
 * Token retrieval reads one block at a time from the mapped {@code .ltc} into a per-query buffer
 * and the document of each token that passes from {@code .ltd}; the heap holds only the directory.
 * The same files serve the field as ordinary postings (payloads gathered from the blocks), so
 * merging, CheckIndex and postings-based code work unchanged. Format 1 (a payload copy of the
 * codes in Lucene's postings plus a doc-major {@code token_matrix} binary doc value: 227 B per token
 * on SciFact) is refused on open with the command that rebuilds it.
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
  public static final int FORMAT_VERSION = 2;

  public static final String META_FILE = "latte-meta.json";
  public static final String CODEBOOK_FILE = "latte-codebook.bin";

  public static final String FIELD_ID = "_id";
  public static final String FIELD_TITLE = "title";
  public static final String FIELD_TEXT = "text";
  public static final String FIELD_BM25 = "bm25";
  public static final String FIELD_TOKENS = "tokens";
  public static final String FIELD_TOKEN_COUNT = "token_count";
  public static final String FIELD_TOKEN_TEXT = "token_text";
  public static final String FIELD_METADATA = "metadata";
  public static final String FIELD_MUVERA = "muvera";
  public static final String METADATA_PREFIX = "meta.";

  /** BM25 parameters chosen for short scientific/technical passages (Anserini's BEIR setting). */
  public static final float BM25_K1 = 0.9f;

  public static final float BM25_B = 0.4f;

  private LatteIndexFormat() {}

  /**
   * The one-line refusal of an index written in an older format: the layout changed, nothing can be
   * read in place, and the message names the command that rebuilds it.
   */
  public static java.io.IOException obsolete(String index, int version) {
    return new java.io.IOException("index " + index + " is in latte format " + version + ", this latte reads format "
        + FORMAT_VERSION + " only: rebuild it into a new directory with `latte index --corpus <corpus> --index <new dir>`");
  }

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

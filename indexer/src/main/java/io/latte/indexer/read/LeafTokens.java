package io.latte.indexer.read;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codec.TokenLayout;
import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.DocCodes;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.TokenText;
import io.latte.indexer.format.TokenTextCodec;
import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The compressed tokens of one segment, both ways round:
 *
 * <ul>
 *   <li><b>cluster-major</b> — {@link #postings(int, PostingsEnum)}: the documents with a token in a
 *       centroid, each token's ordinal as a position and its residual codes as the payload ({@code
 *       PostingsEnum#nextPosition()} then {@code getPayload()}); {@link #centroids()} walks the
 *       centroids present in id order. This is what first-stage token retrieval (WARP) scans.
 *   <li><b>doc-major</b> — {@link #matrix()}: a document's centroid ids and codes, gathered from the
 *       cluster-major layout through its per-document map ({@link TokenLayout}) and decompressed on
 *       request, for exact MaxSim re-scoring; {@link #tokenText(int)} for explanations.
 * </ul>
 *
 * Deleted documents still appear in postings and doc values (as everywhere in Lucene): check {@code
 * context().reader().getLiveDocs()}, or run through a Lucene query / collector which does.
 */
public final class LeafTokens {

  private final LeafReaderContext context;
  private final IndexMeta meta;
  private final Codebook codebook;
  private final String resource;

  LeafTokens(LeafReaderContext context, IndexMeta meta, Codebook codebook) {
    this.context = context;
    this.meta = meta;
    this.codebook = codebook;
    this.resource = context.reader().toString();
  }

  public LeafReaderContext context() {
    return context;
  }

  /**
   * Postings of centroid {@code centroid} in this segment with positions and payloads, or null when
   * no document here has a token in it.
   *
   * @param reuse a previous enum of this segment to reuse, or null
   */
  public PostingsEnum postings(int centroid, PostingsEnum reuse) throws IOException {
    TermsEnum te = termsEnum();
    if (te == null || !te.seekExact(CentroidTerms.term(centroid, meta.centroidBytes()))) {
      return null;
    }
    return te.postings(reuse, PostingsEnum.PAYLOADS);
  }

  /**
   * The centroid terms present in this segment, in id order ({@link CentroidTerms#centroid} turns
   * a term into its id; {@code docFreq()} and {@code totalTermFreq()} give documents and tokens), or
   * null when the segment has no tokens.
   */
  public TermsEnum centroids() throws IOException {
    return termsEnum();
  }

  private TermsEnum termsEnum() throws IOException {
    Terms terms = context.reader().terms(LatteIndexFormat.FIELD_TOKENS);
    return terms == null ? null : terms.iterator();
  }

  /** A new forward-only reader of the doc-major matrix (one per thread and pass). */
  public Matrix matrix() throws IOException {
    TokenLayout layout = TokenLayout.of(context.reader());
    return new Matrix(layout == null ? null : layout.cursor());
  }

  /** Token strings and offsets of {@code doc}, or null if it was indexed without them. */
  public TokenText tokenText(int doc) throws IOException {
    BytesRef b = storedFields().document(doc).getBinaryValue(LatteIndexFormat.FIELD_TOKEN_TEXT);
    return b == null ? null : TokenTextCodec.decode(b, resource + " doc " + doc);
  }

  /** The {@code _id} of {@code doc}. */
  public String id(int doc) throws IOException {
    return DocIds.id(context.reader(), doc);
  }

  /** Stored fields accessor (id, title, text, metadata JSON, token text); one per thread. */
  public StoredFields storedFields() throws IOException {
    return context.reader().storedFields();
  }

  /**
   * Random access to documents' compressed tokens, gathered from the token layout. Not thread-safe.
   */
  public final class Matrix {
    private final TokenLayout.Cursor cursor;

    private Matrix(TokenLayout.Cursor cursor) {
      this.cursor = cursor;
    }

    /** Compressed tokens of {@code doc}, or null when it has none. */
    public DocCodes codes(int doc) throws IOException {
      return cursor == null ? null : cursor.docCodes(doc);
    }

    /**
     * {@code doc}'s tokens decompressed: {@code tokenCount × codebook.dim()} floats, row-major, in
     * codebook space; an empty array when it has none.
     */
    public float[] decode(int doc) throws IOException {
      DocCodes c = codes(doc);
      return c == null ? new float[0] : c.decode(codebook);
    }

    /** Number of tokens of {@code doc} (cheap: no matrix read), 0 when it has none. */
    public int tokenCount(int doc) throws IOException {
      return cursor == null ? 0 : cursor.tokenCount(doc);
    }
  }
}

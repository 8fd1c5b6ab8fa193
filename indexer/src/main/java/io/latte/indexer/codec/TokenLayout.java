package io.latte.indexer.codec;

import static io.latte.indexer.codec.LatteTokensPostingsFormat.BLOCK;

import io.latte.indexer.format.DocCodes;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.DirectReader;

/**
 * One segment's token field as written by {@link LatteTokensPostingsFormat}: the cluster directory
 * on the heap (a few ints per cluster) and the codes and per-token maps in the mapped files.
 * Immutable and shared by every thread; each thread reads through its own {@link Cursor}.
 *
 * <p>A token is addressed by its segment-wide {@code ref}: the tokens of cluster slot {@code s} are
 * refs {@code [start(s), start(s + 1))} in (doc, ordinal) order. Its codes are in 64-token blocks,
 * byte {@code t} of the block's {@code m} tokens together ({@code m = 64} except in a cluster's last
 * block, which holds only its own tokens: no padding on disk).
 */
public final class TokenLayout {
  private final String resource;
  private final int bytes;
  private final int width;
  private final int maxDoc;
  private final int docCount;
  private final int[] centroids;
  private final int[] start;
  private final int[] docFreqs;
  private final int[] slotOf;
  private final IndexInput codes;
  private final long codesOffset;
  private final long codesLength;
  private final IndexInput docs;
  private final int posBits;
  private final int docPosBits;
  private final long docPosOffset;
  private final long docPosLength;
  private final int startBits;
  private final long startsOffset;
  private final long startsLength;
  private final int refBits;
  private final long mapOffset;
  private final long mapLength;
  /**
   * Per slot, the range of the last code byte over the cluster's tokens, {@code min << 8 | max}, or
   * -1 until a cursor first asks ({@link Cursor#lastByteRange}). Shared by every thread: a racing
   * thread computes the same value, and an int is written whole.
   */
  private final int[] lastByteRange;

  /** Reads the directory from {@code meta} (positioned after the field-present flag). */
  TokenLayout(org.apache.lucene.store.DataInput meta, IndexInput codes, IndexInput docs, String resource)
      throws IOException {
    this.resource = resource;
    this.codes = codes;
    this.docs = docs;
    bytes = meta.readVInt();
    width = meta.readVInt();
    maxDoc = meta.readVInt();
    docCount = meta.readVInt();
    int clusters = meta.readVInt();
    int total = meta.readVInt();
    centroids = new int[clusters];
    start = new int[clusters + 1];
    docFreqs = new int[clusters];
    for (int s = 0, previous = -1, ref = 0; s < clusters; s++) {
      centroids[s] = previous + 1 + meta.readVInt();
      previous = centroids[s];
      start[s] = ref;
      ref += meta.readVInt();
      start[s + 1] = ref;
      docFreqs[s] = meta.readVInt();
    }
    if (start[clusters] != total) {
      throw new CorruptIndexException("clusters hold " + start[clusters] + " tokens, the segment " + total, resource);
    }
    slotOf = new int[clusters == 0 ? 0 : centroids[clusters - 1] + 1];
    Arrays.fill(slotOf, -1);
    for (int s = 0; s < clusters; s++) {
      slotOf[centroids[s]] = s;
    }
    codesOffset = meta.readVLong();
    codesLength = meta.readVLong();
    if (codesLength != (long) total * bytes) {
      throw new CorruptIndexException("codes take " + codesLength + " bytes, " + total + " tokens need "
          + (long) total * bytes, resource);
    }
    posBits = meta.readVInt();
    docPosBits = meta.readVInt();
    docPosOffset = meta.readVLong();
    docPosLength = meta.readVLong();
    startBits = meta.readVInt();
    startsOffset = meta.readVLong();
    startsLength = meta.readVLong();
    refBits = meta.readVInt();
    mapOffset = meta.readVLong();
    mapLength = meta.readVLong();
    lastByteRange = new int[clusters];
    Arrays.fill(lastByteRange, -1);
  }

  /**
   * The layout of {@code reader}'s segment, or null when it has no tokens. Fails when the segment's
   * token field was written by another postings format (an index of an older latte format).
   */
  public static TokenLayout of(LeafReader reader) throws IOException {
    Terms terms = reader.terms(LatteIndexFormat.FIELD_TOKENS);
    if (terms == null) {
      return null;
    }
    if (terms instanceof TokensReader.TokensTerms t) {
      return t.layout();
    }
    LeafReader unwrapped = FilterLeafReader.unwrap(reader);
    if (unwrapped != reader) {
      return of(unwrapped);
    }
    if (reader instanceof CodecReader) {
      throw new CorruptIndexException("the field " + LatteIndexFormat.FIELD_TOKENS + " is not stored with "
          + LatteTokensPostingsFormat.NAME + " (an index of an older latte format: rebuild it with latte index)",
          reader.toString());
    }
    throw new IllegalArgumentException("cannot find the token layout under " + reader);
  }

  /** Code bytes per token. */
  public int bytes() {
    return bytes;
  }

  /** Bytes of a centroid term. */
  int width() {
    return width;
  }

  int maxDoc() {
    return maxDoc;
  }

  /** Documents with at least one token. */
  public int docCount() {
    return docCount;
  }

  /** Clusters with at least one token in this segment. */
  public int clusters() {
    return centroids.length;
  }

  /** The slot of {@code centroid}'s cluster, or -1 when no token of this segment is in it. */
  public int slot(int centroid) {
    return centroid < slotOf.length ? slotOf[centroid] : -1;
  }

  /** Centroid id of slot {@code s}. */
  public int centroid(int s) {
    return centroids[s];
  }

  /** Tokens in slot {@code s}. */
  public int size(int s) {
    return start[s + 1] - start[s];
  }

  /** Ref of the first token of slot {@code s}. */
  public int start(int s) {
    return start[s];
  }

  int docFreq(int s) {
    return docFreqs[s];
  }

  /** Tokens in this segment (deleted documents included). */
  public int tokens() {
    return start[start.length - 1];
  }

  /** Adds this segment's tokens per cluster (deleted documents included) to {@code sizes[centroid]}. */
  public void addClusterSizes(long[] sizes) {
    for (int s = 0; s < centroids.length; s++) {
      sizes[centroids[s]] += size(s);
    }
  }

  /** Bytes of the codes file's data and of the per-token / per-document maps (for stats). */
  public long codeBytes() {
    return codesLength;
  }

  /** Approximate heap bytes held (the directory). */
  public long ramBytesUsed() {
    return 4L * (centroids.length + start.length + docFreqs.length + slotOf.length + lastByteRange.length) + 128;
  }

  /** Slot of the cluster holding token {@code ref}. */
  int slotOfRef(int ref) {
    int s = Arrays.binarySearch(start, ref);
    if (s < 0) {
      return -s - 2;
    }
    while (s + 1 < start.length && start[s + 1] == ref) {
      s++; // never: clusters are not empty
    }
    return s;
  }

  /** A reader for one thread (its own slices of the files). */
  public Cursor cursor() throws IOException {
    return new Cursor();
  }

  /** Per-thread access: blocks for scanning, tokens for re-scoring. Not thread-safe. */
  public final class Cursor {
    private final RandomAccessInput codeData;
    private final LongValues docPos;
    private final LongValues starts;
    private final LongValues map;
    private final long posMask = (1L << posBits) - 1;
    private byte[] tail = new byte[0];
    private byte[] scratch = new byte[0];
    /** The block {@link #gatherFromBlock} holds in {@link #tail} (slot -1: none). */
    private int loadedSlot = -1;
    private int loadedBlock = -1;
    private int loadedStride;

    private Cursor() throws IOException {
      codeData = codes.randomAccessSlice(codesOffset, codesLength);
      docPos = DirectReader.getInstance(docs.randomAccessSlice(docPosOffset, docPosLength), docPosBits);
      starts = DirectReader.getInstance(docs.randomAccessSlice(startsOffset, startsLength), startBits);
      map = DirectReader.getInstance(docs.randomAccessSlice(mapOffset, mapLength), refBits);
    }

    /**
     * The smallest and largest value of the last code byte among slot {@code s}'s tokens (unsigned),
     * as {@code min << 8 | max}: with token scales, the cluster's scale range, which lets a scan stop
     * reading a cluster as soon as none of its remaining tokens can pass. Read from the blocks' last
     * columns (1/{@code bytes} of the cluster) the first time any thread asks, then cached (4 bytes
     * per cluster).
     */
    public int lastByteRange(int s) throws IOException {
      int range = lastByteRange[s];
      if (range >= 0) {
        return range;
      }
      int n = size(s);
      if (scratch.length < BLOCK) {
        scratch = new byte[Math.max(BLOCK, scratch.length)];
      }
      int lo = 255;
      int hi = 0;
      for (int first = 0; first < n; first += BLOCK) {
        int m = Math.min(BLOCK, n - first);
        // byte (bytes - 1) of the block's m tokens: the block's last m bytes
        codeData.readBytes((long) (start[s] + first) * bytes + (long) (bytes - 1) * m, scratch, 0, m);
        for (int i = 0; i < m; i++) {
          int v = scratch[i] & 0xFF;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      range = lo << 8 | hi;
      lastByteRange[s] = range;
      return range;
    }

    /**
     * Copies block {@code b} of slot {@code s} into {@code dst} with a stride of 64 (byte {@code t}
     * of lane {@code l} at {@code t * 64 + l}), the form the fast-scan kernel reads; lanes past a
     * tail block's tokens hold stale bytes and must be ignored. Returns the tokens in the block.
     */
    public int readBlock(int s, int b, byte[] dst) throws IOException {
      int n = size(s);
      int first = b * BLOCK;
      int m = Math.min(BLOCK, n - first);
      long at = (long) (start[s] + first) * bytes;
      if (m == BLOCK) {
        codeData.readBytes(at, dst, 0, BLOCK * bytes);
        return m;
      }
      int len = m * bytes;
      if (scratch.length < len) {
        scratch = new byte[BLOCK * bytes];
      }
      codeData.readBytes(at, scratch, 0, len);
      for (int t = 0; t < bytes; t++) {
        System.arraycopy(scratch, t * m, dst, t * BLOCK, m);
      }
      return m;
    }

    /** Segment doc id of token {@code ref}. */
    public int doc(int ref) {
      return (int) (docPos.get(ref) >>> posBits);
    }

    /** Ordinal in its document of token {@code ref}. */
    public int position(int ref) {
      return (int) (docPos.get(ref) & posMask);
    }

    /** Tokens of {@code doc} (0 for a document without any). */
    public int tokenCount(int doc) {
      return (int) (starts.get(doc + 1) - starts.get(doc));
    }

    /** Ref of token {@code position} of {@code doc}. */
    public int ref(int doc, int position) throws CorruptIndexException {
      long first = starts.get(doc);
      if (position < 0 || first + position >= starts.get(doc + 1)) {
        throw new CorruptIndexException("doc " + doc + " has no token " + position, resource);
      }
      return (int) map.get(first + position);
    }

    /** Gathers token {@code ref}'s code bytes into {@code dst[off ..]}; returns its centroid id. */
    public int gather(int ref, byte[] dst, int off) throws IOException {
      int s = slotOfRef(ref);
      int k = ref - start[s];
      int first = k - k % BLOCK;
      int stride = Math.min(BLOCK, size(s) - first);
      long at = (long) (start[s] + first) * bytes + (k - first);
      for (int t = 0; t < bytes; t++) {
        dst[off + t] = codeData.readByte(at + (long) t * stride);
      }
      return centroids[s];
    }

    /**
     * All tokens of several documents, gathered in ref order: a block's tokens that several of the
     * documents share are read while its cache lines are still loaded (each token's bytes span
     * {@code B} cache lines of its block). Entry {@code i} (document {@code docs[j]}'s tokens in
     * ordinal order, the documents one after the other) gets its centroid in {@code centroids[i]} and
     * its codes at {@code codes[i * B]}; returns the tokens gathered. The arrays must hold them all.
     *
     * @param order scratch, at least as long as the tokens
     */
    public int gatherDocs(int[] docs, int count, int[] centroids, byte[] codes, long[] order) throws IOException {
      int n = 0;
      for (int j = 0; j < count; j++) {
        long first = starts.get(docs[j]);
        long end = starts.get(docs[j] + 1);
        for (long at = first; at < end; at++, n++) {
          order[n] = (map.get(at) << 32) | n;
        }
      }
      Arrays.sort(order, 0, n);
      for (int i = 0; i < n; i++) {
        int entry = (int) order[i];
        centroids[entry] = gatherFromBlock((int) (order[i] >>> 32), codes, entry * bytes);
      }
      return n;
    }

    /**
     * {@link #gather}, reading the token's whole block into a scratch copy (sequentially, so the
     * prefetcher streams it: a token's bytes are 64 apart, one per cache line of its block) and
     * keeping it, so that tokens of the same block asked for next (refs in ascending order) are
     * picked from the copy.
     */
    public int gatherFromBlock(int ref, byte[] dst, int off) throws IOException {
      if (loadedSlot < 0 || ref >= start[loadedSlot + 1] || ref < start[loadedSlot]) {
        loadedSlot = slotOfRef(ref);
        loadedBlock = -1;
      }
      int s = loadedSlot;
      int k = ref - start[s];
      int b = k / BLOCK;
      if (b != loadedBlock) {
        if (tail.length < BLOCK * bytes) {
          tail = new byte[BLOCK * bytes];
        }
        loadedStride = Math.min(BLOCK, size(s) - b * BLOCK);
        codeData.readBytes((long) (start[s] + b * BLOCK) * bytes, tail, 0, loadedStride * bytes);
        loadedBlock = b;
      }
      int lane = k - b * BLOCK;
      for (int t = 0; t < bytes; t++) {
        dst[off + t] = tail[t * loadedStride + lane];
      }
      return centroids[s];
    }

    /** All tokens of {@code doc} in ordinal order, or null when it has none. */
    public DocCodes docCodes(int doc) throws IOException {
      int n = doc < maxDoc ? tokenCount(doc) : 0;
      if (n == 0) {
        return null;
      }
      int[] cs = new int[n];
      byte[] out = new byte[n * bytes];
      gatherDocs(new int[] {doc}, 1, cs, out, new long[n]);
      return new DocCodes(n, cs, out);
    }
  }
}

package io.latte.searcher.xtr;

import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * One segment's tokens, cluster-major and block-transposed for {@link FastScanKernel}: the in-memory
 * form token retrieval scans. Built once per segment core from the centroid postings (terms = centroid
 * ids, positions = token ordinals, payloads = residual codes) and shared by every query and every
 * reader that opens the same segment ({@link ClusterBlocksCache}); deletes are applied at query time,
 * so a segment's blocks never change.
 *
 * <p>Why a copy: decoding Lucene positions and payloads token by token, then scoring each token alone,
 * was two thirds of {@code xtr} time. Here a cluster's tokens are consecutive and a block stores byte
 * {@code t} of its {@value FastScanKernel#BLOCK} tokens together, so one vector load feeds 64 tokens.
 *
 * <p>Layout: a token is addressed by a segment-wide {@code ref}; the tokens of cluster slot {@code s}
 * are refs {@code [start(s), start(s + 1))} in (doc, position) order. Byte {@code t} of the {@code
 * k}-th token of slot {@code s} is {@code codes(s)[(k / 64) * 64 * bytes + t * 64 + k % 64]}; the last
 * block is zero-padded. Memory: {@code bytes} per token plus the padding of each cluster's last block,
 * and 8 bytes per token for its document and position.
 */
public final class ClusterBlocks {
  private static final int BLOCK = FastScanKernel.BLOCK;

  private final int bytes;
  private final int[] slotOf;
  private final int[] centroidOf;
  private final int[] start;
  private final byte[][] codes;
  private final int[] docs;
  private final int[] positions;

  private ClusterBlocks(int bytes, int[] slotOf, int[] centroidOf, int[] start, byte[][] codes, int[] docs,
      int[] positions) {
    this.bytes = bytes;
    this.slotOf = slotOf;
    this.centroidOf = centroidOf;
    this.start = start;
    this.codes = codes;
    this.docs = docs;
    this.positions = positions;
  }

  /**
   * Reads the token postings of one segment.
   *
   * @param numCentroids centroids of the index's codebook
   * @param bytes code bytes per token (every payload must have exactly this length)
   */
  public static ClusterBlocks build(LeafReader reader, int numCentroids, int bytes) throws IOException {
    Terms terms = reader.terms(LatteIndexFormat.FIELD_TOKENS);
    int[] slotOf = new int[numCentroids];
    Arrays.fill(slotOf, -1);
    if (terms == null) {
      return new ClusterBlocks(bytes, slotOf, new int[0], new int[1], new byte[0][], new int[0], new int[0]);
    }
    long total = terms.getSumTotalTermFreq();
    if (total > Integer.MAX_VALUE - BLOCK) {
      throw new IllegalStateException("segment " + reader + " holds " + total
          + " tokens; token retrieval addresses at most 2^31 per segment (merge less, or split the index)");
    }
    int slots = Math.toIntExact(terms.size());
    int[] centroidOf = new int[slots];
    int[] start = new int[slots + 1];
    byte[][] codes = new byte[slots][];
    int[] docs = new int[(int) total];
    int[] positions = new int[(int) total];
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    int slot = 0;
    int ref = 0;
    for (BytesRef term = te.next(); term != null; term = te.next(), slot++) {
      int centroid = CentroidTerms.centroid(term);
      if (centroid >= numCentroids) {
        throw new CorruptIndexException("centroid term " + centroid + " outside the codebook's " + numCentroids,
            reader.toString());
      }
      int n = Math.toIntExact(te.totalTermFreq());
      slotOf[centroid] = slot;
      centroidOf[slot] = centroid;
      start[slot] = ref;
      byte[] block = new byte[(n + BLOCK - 1) / BLOCK * BLOCK * bytes];
      codes[slot] = block;
      pe = te.postings(pe, PostingsEnum.PAYLOADS);
      int k = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        for (int f = pe.freq(); f > 0; f--, k++) {
          positions[ref + k] = pe.nextPosition();
          docs[ref + k] = doc;
          BytesRef payload = pe.getPayload();
          if (payload == null || payload.length != bytes) {
            throw new CorruptIndexException("token of doc " + doc + " in cluster " + centroid + " has "
                + (payload == null ? 0 : payload.length) + " code bytes, expected " + bytes, reader.toString());
          }
          int base = (k / BLOCK) * BLOCK * bytes + (k % BLOCK);
          for (int t = 0; t < bytes; t++) {
            block[base + t * BLOCK] = payload.bytes[payload.offset + t];
          }
        }
      }
      if (k != n) {
        throw new CorruptIndexException("cluster " + centroid + ": " + k + " positions but totalTermFreq " + n,
            reader.toString());
      }
      ref += n;
    }
    start[slots] = ref;
    return new ClusterBlocks(bytes, slotOf, centroidOf, start, codes, docs, positions);
  }

  /** Code bytes per token. */
  public int bytes() {
    return bytes;
  }

  /** The slot of {@code centroid}'s cluster, or -1 when no token of this segment is in it. */
  public int slot(int centroid) {
    return slotOf[centroid];
  }

  /** Tokens in slot {@code s}. */
  public int size(int s) {
    return start[s + 1] - start[s];
  }

  /** Ref of the first token of slot {@code s}. */
  public int start(int s) {
    return start[s];
  }

  /** The blocked codes of slot {@code s}. */
  byte[] codes(int s) {
    return codes[s];
  }

  /** Segment doc id of token {@code ref}. */
  public int doc(int ref) {
    return docs[ref];
  }

  /** Position (token ordinal in its document) of token {@code ref}. */
  public int position(int ref) {
    return positions[ref];
  }

  /** Centroid id of slot {@code s}. */
  public int centroid(int s) {
    return centroidOf[s];
  }

  /** Adds this segment's tokens per cluster (deleted documents included) to {@code sizes[centroid]}. */
  public void addClusterSizes(long[] sizes) {
    for (int s = 0; s < centroidOf.length; s++) {
      sizes[centroidOf[s]] += size(s);
    }
  }

  /** Tokens in this segment (deleted documents included). */
  public int tokens() {
    return start[start.length - 1];
  }

  /** Approximate heap bytes held. */
  public long ramBytesUsed() {
    long sum = 4L * (slotOf.length + centroidOf.length + start.length + docs.length + positions.length);
    for (byte[] c : codes) {
      sum += c.length + 16;
    }
    return sum;
  }
}

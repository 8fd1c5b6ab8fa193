package io.latte.indexer.codec;

import static io.latte.indexer.codec.LatteTokensPostingsFormat.BLOCK;

import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.packed.DirectWriter;

/**
 * Writes the token field of one segment at flush and at merge (Lucene's default merge feeds the
 * merged segments' postings, payloads gathered back from their layouts, through {@link #write}).
 *
 * <p>Two passes over the postings: the first counts tokens per document and per cluster (so the
 * per-document map can be addressed and each cluster's tail block sized), the second writes the
 * codes block by block through a buffer of one block. Memory: a few ints per document and one int
 * per token (the per-document map, written after the codes); never the codes themselves.
 */
final class TokensWriter extends FieldsConsumer {
  private final SegmentWriteState state;
  private IndexOutput meta;
  private IndexOutput codes;
  private IndexOutput docs;
  private boolean written;

  TokensWriter(SegmentWriteState state) throws IOException {
    this.state = state;
    boolean success = false;
    try {
      meta = open(LatteTokensPostingsFormat.META_EXTENSION, LatteTokensPostingsFormat.META_CODEC);
      codes = open(LatteTokensPostingsFormat.CODES_EXTENSION, LatteTokensPostingsFormat.CODES_CODEC);
      docs = open(LatteTokensPostingsFormat.DOCS_EXTENSION, LatteTokensPostingsFormat.DOCS_CODEC);
      success = true;
    } finally {
      if (!success) {
        IOUtils.closeWhileHandlingException(meta, codes, docs);
      }
    }
  }

  private IndexOutput open(String extension, String codec) throws IOException {
    String name = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix, extension);
    IndexOutput out = state.directory.createOutput(name, state.context);
    CodecUtil.writeIndexHeader(out, codec, LatteTokensPostingsFormat.VERSION_CURRENT,
        state.segmentInfo.getId(), state.segmentSuffix);
    return out;
  }

  @Override
  public void write(Fields fields, NormsProducer norms) throws IOException {
    if (written) {
      throw new IllegalStateException("write called twice");
    }
    Terms terms = null;
    for (String field : fields) {
      if (!LatteIndexFormat.FIELD_TOKENS.equals(field)) {
        throw new IllegalArgumentException(LatteTokensPostingsFormat.NAME + " only stores the field "
            + LatteIndexFormat.FIELD_TOKENS + ", not " + field);
      }
      terms = fields.terms(field);
    }
    written = true;
    if (terms == null) {
      meta.writeByte((byte) 0);
      return;
    }
    meta.writeByte((byte) 1);
    Counts c = count(terms, state.segmentInfo.maxDoc());
    writeLayout(terms, c);
  }

  /** Pass 1: what pass 2 must know before it writes. */
  private static final class Counts {
    int bytes = -1;
    int width = -1;
    int maxPosition;
    long tokens;
    int docCount;
    int clusters;
    int[] perDoc;
    int[] centroids = new int[64];
    int[] sizes = new int[64];
    int[] docFreqs = new int[64];
  }

  private Counts count(Terms terms, int maxDoc) throws IOException {
    Counts c = new Counts();
    c.perDoc = new int[maxDoc];
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    int previous = -1;
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      if (c.width == -1) {
        c.width = term.length;
      } else if (term.length != c.width) {
        throw new IllegalArgumentException("centroid terms of " + c.width + " and " + term.length + " bytes");
      }
      int centroid = CentroidTerms.centroid(term);
      if (centroid <= previous) {
        throw new IllegalArgumentException("centroid terms out of order: " + centroid + " after " + previous);
      }
      previous = centroid;
      pe = te.postings(pe, PostingsEnum.PAYLOADS);
      int size = 0;
      int docFreq = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        docFreq++;
        int freq = pe.freq();
        for (int i = 0; i < freq; i++) {
          int pos = pe.nextPosition();
          BytesRef payload = pe.getPayload();
          int len = payload == null ? 0 : payload.length;
          if (c.bytes == -1) {
            c.bytes = len;
          } else if (len != c.bytes) {
            throw new IllegalArgumentException("token " + pos + " of doc " + doc + " in cluster " + centroid
                + " has " + len + " code bytes, the segment's other tokens " + c.bytes);
          }
          c.maxPosition = Math.max(c.maxPosition, pos);
        }
        if (c.perDoc[doc] == 0) {
          c.docCount++;
        }
        c.perDoc[doc] += freq;
        size += freq;
      }
      if (c.clusters == c.centroids.length) {
        c.centroids = Arrays.copyOf(c.centroids, 2 * c.clusters);
        c.sizes = Arrays.copyOf(c.sizes, 2 * c.clusters);
        c.docFreqs = Arrays.copyOf(c.docFreqs, 2 * c.clusters);
      }
      c.centroids[c.clusters] = centroid;
      c.sizes[c.clusters] = size;
      c.docFreqs[c.clusters] = docFreq;
      c.clusters++;
      c.tokens += size;
    }
    if (c.tokens > Integer.MAX_VALUE - BLOCK) {
      throw new IllegalArgumentException("a segment holds at most 2^31 tokens, this one " + c.tokens
          + " (lower the merge policy's maximum segment size)");
    }
    return c;
  }

  /** Pass 2: codes, per-token document and ordinal, then the per-document map and the directory. */
  private void writeLayout(Terms terms, Counts c) throws IOException {
    int maxDoc = c.perDoc.length;
    int total = (int) c.tokens;
    int bytes = Math.max(c.bytes, 0);
    int posBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(c.maxPosition));
    int docPosBits = DirectWriter.unsignedBitsRequired(((long) Math.max(maxDoc - 1, 0) << posBits) | ((1L << posBits) - 1));
    int[] docStart = new int[maxDoc + 1];
    for (int d = 0; d < maxDoc; d++) {
      docStart[d + 1] = docStart[d] + c.perDoc[d];
    }
    c.perDoc = null;
    int[] map = new int[total];
    Arrays.fill(map, -1);

    long codesStart = codes.getFilePointer();
    long docPosStart = docs.getFilePointer();
    DirectWriter docPos = DirectWriter.getInstance(docs, Math.max(total, 1), docPosBits);
    byte[] block = new byte[BLOCK * bytes];
    TermsEnum te = terms.iterator();
    PostingsEnum pe = null;
    int ref = 0;
    int slot = 0;
    for (BytesRef term = te.next(); term != null; term = te.next(), slot++) {
      int n = c.sizes[slot];
      pe = te.postings(pe, PostingsEnum.PAYLOADS);
      int k = 0;
      for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
        for (int f = pe.freq(); f > 0; f--, k++, ref++) {
          int pos = pe.nextPosition();
          int at = docStart[doc] + pos;
          if (pos >= docStart[doc + 1] - docStart[doc] || map[at] != -1) {
            throw new IllegalArgumentException("token ordinals of doc " + doc + " are not 0.." +
                (docStart[doc + 1] - docStart[doc] - 1) + " (found " + pos + " twice or out of range)");
          }
          map[at] = ref;
          docPos.add(((long) doc << posBits) | pos);
          int blockStart = k - k % BLOCK;
          int stride = Math.min(BLOCK, n - blockStart); // the tail block is as wide as its tokens
          BytesRef payload = pe.getPayload();
          for (int t = 0, lane = k - blockStart; t < bytes; t++) {
            block[t * stride + lane] = payload.bytes[payload.offset + t];
          }
          if (k - blockStart == stride - 1) {
            codes.writeBytes(block, 0, stride * bytes);
          }
        }
      }
      if (k != n) {
        throw new IllegalStateException("cluster " + c.centroids[slot] + ": " + k + " tokens on the second pass, "
            + n + " on the first");
      }
    }
    if (total == 0) {
      docPos.add(0);
    }
    docPos.finish();

    long startsStart = docs.getFilePointer();
    int startBits = DirectWriter.unsignedBitsRequired(total);
    DirectWriter starts = DirectWriter.getInstance(docs, maxDoc + 1L, startBits);
    for (int s : docStart) {
      starts.add(s);
    }
    starts.finish();

    long mapStart = docs.getFilePointer();
    int refBits = DirectWriter.unsignedBitsRequired(Math.max(total - 1, 0));
    DirectWriter refs = DirectWriter.getInstance(docs, Math.max(total, 1), refBits);
    for (int r : map) {
      if (r == -1) {
        throw new IllegalStateException("a token ordinal has no token (the postings skipped one)");
      }
      refs.add(r);
    }
    if (total == 0) {
      refs.add(0);
    }
    refs.finish();
    long docsEnd = docs.getFilePointer();

    meta.writeVInt(bytes);
    meta.writeVInt(Math.max(c.width, 0));
    meta.writeVInt(maxDoc);
    meta.writeVInt(c.docCount);
    meta.writeVInt(c.clusters);
    meta.writeVInt(total);
    for (int s = 0, previous = -1; s < c.clusters; s++) {
      meta.writeVInt(c.centroids[s] - previous - 1);
      previous = c.centroids[s];
      meta.writeVInt(c.sizes[s]);
      meta.writeVInt(c.docFreqs[s]);
    }
    meta.writeVLong(codesStart);
    meta.writeVLong(codes.getFilePointer() - codesStart);
    meta.writeVInt(posBits);
    meta.writeVInt(docPosBits);
    meta.writeVLong(docPosStart);
    meta.writeVLong(startsStart - docPosStart);
    meta.writeVInt(startBits);
    meta.writeVLong(startsStart);
    meta.writeVLong(mapStart - startsStart);
    meta.writeVInt(refBits);
    meta.writeVLong(mapStart);
    meta.writeVLong(docsEnd - mapStart);
  }

  @Override
  public void close() throws IOException {
    boolean success = false;
    try {
      if (meta != null) {
        if (!written) {
          meta.writeByte((byte) 0);
        }
        CodecUtil.writeFooter(meta);
        CodecUtil.writeFooter(codes);
        CodecUtil.writeFooter(docs);
      }
      success = true;
    } finally {
      if (success) {
        IOUtils.close(meta, codes, docs);
      } else {
        IOUtils.closeWhileHandlingException(meta, codes, docs);
      }
      meta = codes = docs = null;
    }
  }
}

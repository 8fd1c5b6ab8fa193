package io.latte.indexer.codec;

import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.ChecksumIndexInput;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Opens one segment's token files: the directory is read and checked at open, the codes and maps
 * are only mapped (their checksums are verified by {@link #checkIntegrity}, which CheckIndex and
 * merges call). Serves the field as ordinary Lucene postings too — terms in centroid order, docs,
 * freqs, positions, and payloads gathered from the blocks — so merging, CheckIndex and any
 * postings-based code work unchanged.
 */
final class TokensReader extends FieldsProducer {
  private final IndexInput codes;
  private final IndexInput docs;
  private final TokensTerms terms;

  TokensReader(SegmentReadState state) throws IOException {
    String metaName = IndexFileNames.segmentFileName(
        state.segmentInfo.name, state.segmentSuffix, LatteTokensPostingsFormat.META_EXTENSION);
    TokenLayout layout = null;
    IndexInput c = null;
    IndexInput d = null;
    boolean success = false;
    try {
      c = open(state, LatteTokensPostingsFormat.CODES_EXTENSION, LatteTokensPostingsFormat.CODES_CODEC);
      d = open(state, LatteTokensPostingsFormat.DOCS_EXTENSION, LatteTokensPostingsFormat.DOCS_CODEC);
      try (ChecksumIndexInput meta = state.directory.openChecksumInput(metaName)) {
        Throwable prior = null;
        try {
          CodecUtil.checkIndexHeader(meta, LatteTokensPostingsFormat.META_CODEC,
              LatteTokensPostingsFormat.VERSION_START, LatteTokensPostingsFormat.VERSION_CURRENT,
              state.segmentInfo.getId(), state.segmentSuffix);
          if (meta.readByte() == 1) {
            layout = new TokenLayout(meta, c, d, metaName);
          }
        } catch (Throwable t) {
          prior = t;
        } finally {
          CodecUtil.checkFooter(meta, prior);
        }
      }
      success = true;
    } finally {
      if (!success) {
        IOUtils.closeWhileHandlingException(c, d);
      }
    }
    this.codes = c;
    this.docs = d;
    this.terms = layout == null ? null : new TokensTerms(layout);
  }

  private static IndexInput open(SegmentReadState state, String extension, String codec) throws IOException {
    String name = IndexFileNames.segmentFileName(state.segmentInfo.name, state.segmentSuffix, extension);
    IndexInput in = state.directory.openInput(name, state.context);
    boolean success = false;
    try {
      CodecUtil.checkIndexHeader(in, codec, LatteTokensPostingsFormat.VERSION_START,
          LatteTokensPostingsFormat.VERSION_CURRENT, state.segmentInfo.getId(), state.segmentSuffix);
      CodecUtil.retrieveChecksum(in); // footer present and file not truncated (cheap; full check below)
      success = true;
      return in;
    } finally {
      if (!success) {
        IOUtils.closeWhileHandlingException(in);
      }
    }
  }

  @Override
  public Iterator<String> iterator() {
    return terms == null ? Collections.emptyIterator()
        : Collections.singleton(LatteIndexFormat.FIELD_TOKENS).iterator();
  }

  @Override
  public Terms terms(String field) {
    return LatteIndexFormat.FIELD_TOKENS.equals(field) ? terms : null;
  }

  @Override
  public int size() {
    return terms == null ? 0 : 1;
  }

  @Override
  public void checkIntegrity() throws IOException {
    CodecUtil.checksumEntireFile(codes);
    CodecUtil.checksumEntireFile(docs);
  }

  @Override
  public void close() throws IOException {
    IOUtils.close(codes, docs);
  }

  /** The field's terms; {@link TokenLayout#of} finds the layout through it. */
  static final class TokensTerms extends Terms {
    private final TokenLayout layout;

    TokensTerms(TokenLayout layout) {
      this.layout = layout;
    }

    TokenLayout layout() {
      return layout;
    }

    @Override
    public TermsEnum iterator() {
      return new TokensTermsEnum(layout);
    }

    @Override
    public long size() {
      return layout.clusters();
    }

    @Override
    public long getSumTotalTermFreq() {
      return layout.tokens();
    }

    @Override
    public long getSumDocFreq() {
      long sum = 0;
      for (int s = 0; s < layout.clusters(); s++) {
        sum += layout.docFreq(s);
      }
      return sum;
    }

    @Override
    public int getDocCount() {
      return layout.docCount();
    }

    @Override
    public boolean hasFreqs() {
      return true;
    }

    @Override
    public boolean hasOffsets() {
      return false;
    }

    @Override
    public boolean hasPositions() {
      return true;
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }
  }

  /** Centroid terms in id order; ords are slots. */
  private static final class TokensTermsEnum extends BaseTermsEnum {
    private final TokenLayout layout;
    private int slot = -1;
    private final BytesRef term;

    TokensTermsEnum(TokenLayout layout) {
      this.layout = layout;
      this.term = new BytesRef(new byte[layout.width()]);
    }

    private BytesRef at(int s) {
      slot = s;
      if (s >= layout.clusters()) {
        return null;
      }
      CentroidTerms.write(layout.centroid(s), layout.width(), term.bytes, 0);
      return term;
    }

    @Override
    public BytesRef next() {
      return slot >= layout.clusters() ? null : at(slot + 1);
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) {
      int lo = 0;
      int hi = layout.clusters();
      while (lo < hi) { // first slot whose term is >= text
        int mid = (lo + hi) >>> 1;
        CentroidTerms.write(layout.centroid(mid), layout.width(), term.bytes, 0);
        if (term.compareTo(text) < 0) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      if (at(lo) == null) {
        return SeekStatus.END;
      }
      return term.bytesEquals(text) ? SeekStatus.FOUND : SeekStatus.NOT_FOUND;
    }

    @Override
    public void seekExact(long ord) {
      at((int) ord);
    }

    @Override
    public BytesRef term() {
      return term;
    }

    @Override
    public long ord() {
      return slot;
    }

    @Override
    public int docFreq() {
      return layout.docFreq(slot);
    }

    @Override
    public long totalTermFreq() {
      return layout.size(slot);
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
      return new TokensPostingsEnum(layout, slot);
    }

    @Override
    public ImpactsEnum impacts(int flags) throws IOException {
      return new SlowImpactsEnum(postings(null, flags));
    }
  }

  /** One cluster's tokens as postings: refs in (doc, ordinal) order, grouped by doc. */
  private static final class TokensPostingsEnum extends PostingsEnum {
    private final TokenLayout.Cursor cursor;
    private final int end;
    private final int cost;
    private final BytesRef payload;
    private int next; // first ref of the next document
    private int ref; // ref of the current position
    private int doc = -1;
    private int freq;

    TokensPostingsEnum(TokenLayout layout, int slot) throws IOException {
      this.cursor = layout.cursor();
      this.next = layout.start(slot);
      this.end = next + layout.size(slot);
      this.cost = layout.docFreq(slot);
      this.payload = new BytesRef(new byte[layout.bytes()]);
    }

    @Override
    public int nextDoc() {
      if (next >= end) {
        return doc = NO_MORE_DOCS;
      }
      doc = cursor.doc(next);
      ref = next - 1;
      int r = next + 1;
      while (r < end && cursor.doc(r) == doc) {
        r++;
      }
      freq = r - next;
      next = r;
      return doc;
    }

    @Override
    public int advance(int target) {
      int d;
      do {
        d = nextDoc();
      } while (d < target);
      return d;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int freq() {
      return freq;
    }

    @Override
    public int nextPosition() {
      return cursor.position(++ref);
    }

    @Override
    public int startOffset() {
      return -1;
    }

    @Override
    public int endOffset() {
      return -1;
    }

    @Override
    public BytesRef getPayload() throws IOException {
      cursor.gatherFromBlock(ref, payload.bytes, 0); // refs ascend: a block is read once
      return payload;
    }

    @Override
    public long cost() {
      return cost;
    }
  }
}

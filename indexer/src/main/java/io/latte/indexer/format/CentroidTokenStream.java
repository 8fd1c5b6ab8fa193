package io.latte.indexer.format;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PayloadAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * The pre-built token stream of {@link LatteIndexFormat#FIELD_TOKENS}: token {@code i} of a document
 * has term = its centroid id ({@link CentroidTerms}), position {@code i} and payload = its residual
 * codes. No analyzer is involved; one instance is reused per writer thread via {@link #setDocument}.
 */
public final class CentroidTokenStream extends TokenStream {

  private final BytesTermAttribute termAtt = addAttribute(BytesTermAttribute.class);
  private final PositionIncrementAttribute posAtt = addAttribute(PositionIncrementAttribute.class);
  private final PayloadAttribute payloadAtt = addAttribute(PayloadAttribute.class);
  private final BytesRef term = new BytesRef();
  private final BytesRef payload = new BytesRef();
  private byte[] termBytes = new byte[0];
  private EncodedDocument doc;
  private int width;
  private int bytesPerVector;
  private int next;

  /** Sets the document whose tokens the next consumption of this stream yields. */
  public void setDocument(EncodedDocument doc, int centroidBytes, int bytesPerVector) {
    this.doc = doc;
    this.width = centroidBytes;
    this.bytesPerVector = bytesPerVector;
    int n = doc.tokenCount();
    if (termBytes.length < n * width) {
      termBytes = new byte[n * width];
    }
    for (int i = 0; i < n; i++) {
      CentroidTerms.write(doc.centroids()[i], width, termBytes, i * width);
    }
    this.next = 0;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    next = 0;
  }

  @Override
  public boolean incrementToken() {
    if (doc == null || next >= doc.tokenCount()) {
      return false;
    }
    clearAttributes();
    term.bytes = termBytes;
    term.offset = next * width;
    term.length = width;
    termAtt.setBytesRef(term);
    posAtt.setPositionIncrement(1); // positions 0, 1, 2, … = token ordinals
    payload.bytes = doc.codes();
    payload.offset = next * bytesPerVector;
    payload.length = bytesPerVector;
    payloadAtt.setPayload(payload);
    next++;
    return true;
  }
}

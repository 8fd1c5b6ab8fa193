package io.latte.searcher;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The documents of one segment a search may return: live (not deleted) and, when there is a
 * filter, matching it. Every mode asks this one place, so no mode can leak a deleted or filtered
 * document.
 */
final class AcceptDocs {
  private AcceptDocs() {}

  /** Null means every document of the segment is acceptable. */
  static Bits of(LeafReaderContext leaf, Weight filter) throws IOException {
    Bits live = leaf.reader().getLiveDocs();
    if (filter == null) {
      return live;
    }
    int maxDoc = leaf.reader().maxDoc();
    FixedBitSet bits = new FixedBitSet(maxDoc);
    ScorerSupplier supplier = filter.scorerSupplier(leaf);
    if (supplier == null) {
      return bits; // nothing in this segment matches
    }
    DocIdSetIterator it = supplier.get(Long.MAX_VALUE).iterator();
    bits.or(it);
    if (live != null) {
      for (int d = bits.nextSetBit(0); d != DocIdSetIterator.NO_MORE_DOCS;
          d = d + 1 < maxDoc ? bits.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        if (!live.get(d)) {
          bits.clear(d);
        }
      }
    }
    return bits;
  }
}

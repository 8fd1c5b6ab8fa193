package io.latte.searcher.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A fixed set of documents with fixed scores: what {@link XtrQuery} rewrites to once it has its
 * global top k. The shape of Lucene's own (package-private) {@code DocAndScoreQuery} that kNN
 * queries rewrite to: docs sorted by id with per-segment start offsets, so each segment's scorer
 * walks a slice of two arrays. It belongs to the reader it was computed on and refuses another one,
 * since its doc ids mean nothing there.
 */
final class DocAndScoreQuery extends Query {
  private final int[] docs;
  private final float[] scores;
  private final float maxScore;
  private final int[] segmentStarts;
  private final Object contextIdentity;
  private final String description;

  private DocAndScoreQuery(int[] docs, float[] scores, int[] segmentStarts, Object contextIdentity, String description) {
    this.docs = docs;
    this.scores = scores;
    this.segmentStarts = segmentStarts;
    this.contextIdentity = contextIdentity;
    this.description = description;
    float max = 0;
    for (float s : scores) {
      max = Math.max(max, s);
    }
    this.maxScore = max;
  }

  /**
   * @param hits documents (global ids of {@code reader}) and their scores, any order
   * @param description names the query it came from, for {@link #toString} and explanations
   */
  static DocAndScoreQuery of(IndexReader reader, ScoreDoc[] hits, String description) {
    ScoreDoc[] sorted = hits.clone();
    Arrays.sort(sorted, (a, b) -> Integer.compare(a.doc, b.doc));
    int[] docs = new int[sorted.length];
    float[] scores = new float[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      docs[i] = sorted[i].doc;
      scores[i] = sorted[i].score;
    }
    var leaves = reader.leaves();
    int[] starts = new int[leaves.size() + 1];
    starts[leaves.size()] = docs.length;
    int at = 0;
    for (LeafReaderContext leaf : leaves) {
      while (at < docs.length && docs[at] < leaf.docBase) {
        at++;
      }
      starts[leaf.ord] = at;
    }
    return new DocAndScoreQuery(docs, scores, starts, reader.getContext().id(), description);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (searcher.getIndexReader().getContext().id() != contextIdentity) {
      throw new IllegalStateException(description + " was rewritten for another reader; rewrite it again");
    }
    return new Weight(this) {
      @Override
      public Explanation explain(LeafReaderContext context, int doc) {
        int found = Arrays.binarySearch(docs, doc + context.docBase);
        if (found < 0) {
          return Explanation.noMatch("not among the " + docs.length + " documents of " + description);
        }
        return Explanation.match(scores[found] * boost, "score of " + description);
      }

      @Override
      public int count(LeafReaderContext context) {
        return segmentStarts[context.ord + 1] - segmentStarts[context.ord];
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) {
        int lower = segmentStarts[context.ord];
        int upper = segmentStarts[context.ord + 1];
        if (lower == upper) {
          return null;
        }
        return new DefaultScorerSupplier(new SliceScorer(context.docBase, lower, upper, boost));
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  /** Walks one segment's slice {@code [lower, upper)} of the sorted arrays. */
  private final class SliceScorer extends Scorer {
    private final int docBase;
    private final int lower;
    private final int upper;
    private final float boost;
    private int at = -1;

    SliceScorer(int docBase, int lower, int upper, float boost) {
      this.docBase = docBase;
      this.lower = lower;
      this.upper = upper;
      this.boost = boost;
    }

    @Override
    public int docID() {
      if (at == -1) {
        return -1;
      }
      return at >= upper ? DocIdSetIterator.NO_MORE_DOCS : docs[at] - docBase;
    }

    @Override
    public DocIdSetIterator iterator() {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return SliceScorer.this.docID();
        }

        @Override
        public int nextDoc() {
          at = at == -1 ? lower : at + 1;
          return docID();
        }

        @Override
        public int advance(int target) throws IOException {
          return slowAdvance(target); // a top-k slice is short
        }

        @Override
        public long cost() {
          return upper - lower;
        }
      };
    }

    @Override
    public float getMaxScore(int upTo) {
      return maxScore * boost;
    }

    @Override
    public float score() {
      return scores[at] * boost;
    }
  }

  @Override
  public String toString(String field) {
    return "DocAndScore[" + docs.length + " docs of " + description + "]";
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && contextIdentity == ((DocAndScoreQuery) o).contextIdentity
        && Arrays.equals(docs, ((DocAndScoreQuery) o).docs) && Arrays.equals(scores, ((DocAndScoreQuery) o).scores);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), contextIdentity, Arrays.hashCode(docs), Arrays.hashCode(scores));
  }
}

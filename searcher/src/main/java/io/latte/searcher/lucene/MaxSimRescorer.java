package io.latte.searcher.lucene;

import io.latte.indexer.codebook.Codebook;
import io.latte.searcher.IndexHandle;
import io.latte.searcher.LateInteraction;
import io.latte.searcher.QueryVectors;
import io.latte.searcher.TokenMatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Rescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Exact late-interaction re-scoring as a Lucene {@link Rescorer}: each first-pass hit's score
 * becomes its MaxSim — per query token the best similarity to any of the document's tokens
 * (decompressed with the index's codebook), summed — the score {@code latte search --mode exact}
 * gives it. The first pass can be any query: an {@link XtrQuery}, MUVERA's {@link MuveraQuery},
 * BM25 or a mix of them in a {@link org.apache.lucene.search.BooleanQuery} (hybrid).
 *
 * <p>{@link #explain} lists, per query token, the document token that matched it best (its ordinal
 * and, when the index stored token text, its text and offsets) and the similarity.
 */
public final class MaxSimRescorer extends Rescorer {
  private final QueryVectors vectors;
  private final Codebook codebook;

  /** @param tokenStrings the query tokens' text for explanations, or null */
  public MaxSimRescorer(float[][] vectors, String[] tokenStrings, Codebook codebook) {
    this.vectors = QueryVectors.of(Objects.requireNonNull(vectors, "vectors"), tokenStrings, null);
    this.codebook = Objects.requireNonNull(codebook, "codebook");
  }

  @Override
  public TopDocs rescore(IndexSearcher searcher, TopDocs firstPass, int topN) throws IOException {
    IndexHandle index = handle(searcher);
    ScoreDoc[] best = LateInteraction.maxSim(index, LateInteraction.project(index, vectors), vectors.tokens(),
        firstPass.scoreDocs, topN);
    return new TopDocs(firstPass.totalHits, best);
  }

  @Override
  public Explanation explain(IndexSearcher searcher, Explanation firstPassExplanation, int docID) throws IOException {
    IndexHandle index = handle(searcher);
    List<TokenMatch> matches =
        LateInteraction.explainMaxSim(index, vectors, LateInteraction.project(index, vectors), docID);
    List<Explanation> perToken = new ArrayList<>(matches.size() + 1);
    float sum = 0;
    for (TokenMatch m : matches) {
      sum += m.similarity();
      perToken.add(Explanation.match(m.similarity(), describe(m)));
    }
    perToken.add(Explanation.noMatch("first pass (replaced): " + firstPassExplanation.getValue(), firstPassExplanation));
    return Explanation.match(sum, "MaxSim: sum over " + matches.size() + " query tokens of the best doc token", perToken);
  }

  private static String describe(TokenMatch m) {
    String doc = m.docToken() < 0 ? "no token"
        : "doc token #" + m.docToken() + (m.docText() == null ? "" : " '" + m.docText() + "' [" + m.start() + ","
            + m.end() + ")");
    return "query token #" + m.queryToken() + " '" + m.queryText() + "' best matches " + doc;
  }

  private IndexHandle handle(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    if (!(reader instanceof DirectoryReader directoryReader)) {
      throw new IllegalArgumentException("MaxSimRescorer needs a DirectoryReader, got " + reader.getClass().getName());
    }
    return IndexHandle.of(directoryReader, codebook);
  }
}

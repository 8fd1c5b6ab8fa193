package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.TokenText;
import io.latte.indexer.format.TokenTextCodec;
import io.latte.searcher.xtr.MissingSimilarityImputer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.BytesRef;

/**
 * Token-level explanations, built from the very numbers that scored the hit: for {@code xtr} the
 * retrieved maxima and imputed values of {@link XtrRetrieval}; for exact MaxSim the per-token max
 * and argmax of the same kernel. Their similarities sum to the hit's score.
 */
final class Explainer {
  private final IndexHandle index;
  private final QueryVectors query;

  Explainer(IndexHandle index, QueryVectors query) {
    this.index = index;
    this.query = query;
  }

  List<TokenMatch> fromXtr(XtrRetrieval.Result r, ScoredDocs.Entry hit) throws IOException {
    TokenText text = tokenText(hit.globalDoc());
    boolean xtrRule = r.imputer() instanceof MissingSimilarityImputer.KPrime;
    float[] retrievedRow = r.retrieved()[hit.exactSlot()];
    int[] positionRow = r.positions()[hit.exactSlot()];
    List<TokenMatch> out = new ArrayList<>(retrievedRow.length);
    for (int q = 0; q < retrievedRow.length; q++) {
      float retrieved = retrievedRow[q];
      float value = r.imputer().combine(retrieved, r.missing()[q]);
      boolean imputed = retrieved == Float.NEGATIVE_INFINITY || (xtrRule && retrieved < r.missing()[q]);
      out.add(imputed ? new TokenMatch(q, query.token(q), -1, null, -1, -1, value, true)
          : match(q, positionRow[q], value, text));
    }
    return out;
  }

  List<TokenMatch> fromMaxSim(MaxSimScorer scorer, ScoredDocs.Entry hit) throws IOException {
    LeafReaderContext leaf = index.reader().leaves().get(hit.leaf());
    float[] max = new float[query.tokens()];
    int[] arg = new int[query.tokens()];
    scorer.explain(leaf, hit.doc(), max, arg);
    TokenText text = tokenText(hit.globalDoc());
    List<TokenMatch> out = new ArrayList<>(query.tokens());
    for (int q = 0; q < query.tokens(); q++) {
      out.add(match(q, arg[q], max[q], text));
    }
    return out;
  }

  private TokenMatch match(int q, int position, float similarity, TokenText text) {
    if (text == null || position < 0 || position >= text.size()) {
      return new TokenMatch(q, query.token(q), position, null, -1, -1, similarity, false);
    }
    return new TokenMatch(q, query.token(q), position, text.tokens()[position], text.starts()[position],
        text.ends()[position], similarity, false);
  }

  private TokenText tokenText(int globalDoc) throws IOException {
    Document d = index.searcher().storedFields().document(globalDoc, Set.of(LatteIndexFormat.FIELD_TOKEN_TEXT));
    BytesRef bytes = d.getBinaryValue(LatteIndexFormat.FIELD_TOKEN_TEXT);
    return bytes == null ? null : TokenTextCodec.decode(bytes, LatteIndexFormat.FIELD_TOKEN_TEXT + " of doc " + globalDoc);
  }
}

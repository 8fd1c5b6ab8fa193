package io.latte.eval.run;

import io.latte.indexer.format.AtomicFiles;
import io.latte.eval.metrics.RunEvaluator;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.eval.metrics.TrecOrder;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a TREC run file: {@code qid Q0 docid rank score tag} per line, queries in the map's order.
 *
 * <p>Each query's results are written in {@link TrecOrder} (the order {@code trec_eval} will re-sort
 * them into anyway), so the rank column agrees with how the file is scored, and cut to {@code depth}.
 * Scores are written as the shortest decimal that reads back as the same {@code double}, in plain
 * notation (never {@code 1.0E-5}): nothing is lost, so ties and order survive a round trip exactly.
 */
public final class TrecRunWriter {
  /** The run tag written when none is given. */
  public static final String DEFAULT_TAG = "latte";

  private final String tag;
  private final int depth;

  /**
   * @param tag the last column, naming the system; no whitespace
   * @param depth results written per query, at least 1; {@value RunEvaluator#DEFAULT_DEPTH} normally
   */
  public TrecRunWriter(String tag, int depth) {
    this.tag = TrecFields.token(tag, "run tag");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, got " + depth);
    }
    this.depth = depth;
  }

  /** Tag {@value #DEFAULT_TAG}, top {@value RunEvaluator#DEFAULT_DEPTH} per query. */
  public static TrecRunWriter defaults() {
    return new TrecRunWriter(DEFAULT_TAG, RunEvaluator.DEFAULT_DEPTH);
  }

  /** Same writer with another tag. */
  public TrecRunWriter withTag(String newTag) {
    return new TrecRunWriter(newTag, depth);
  }

  /**
   * Writes {@code run} to {@code file} atomically (temporary file, then rename).
   *
   * @throws IllegalArgumentException if an id contains whitespace or a query lists a doc twice
   */
  public void write(Path file, Map<String, ? extends Collection<ScoredDoc>> run)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(run, "run");
    java.io.StringWriter text = new java.io.StringWriter();
    write(text, run);
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes {@code run} to {@code out}, which is not closed. */
  public void write(Writer out, Map<String, ? extends Collection<ScoredDoc>> run)
      throws IOException {
    for (Map.Entry<String, ? extends Collection<ScoredDoc>> query : run.entrySet()) {
      String queryId = TrecFields.token(query.getKey(), "query id");
      List<ScoredDoc> ranked;
      try {
        ranked = TrecOrder.rank(query.getValue(), depth);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("query \"" + queryId + "\": " + e.getMessage(), e);
      }
      for (int i = 0; i < ranked.size(); i++) {
        ScoredDoc doc = ranked.get(i);
        out.write(queryId);
        out.write(" Q0 ");
        out.write(TrecFields.token(doc.docId(), "doc id"));
        out.write(' ');
        out.write(Integer.toString(i + 1));
        out.write(' ');
        out.write(formatScore(doc.score()));
        out.write(' ');
        out.write(tag);
        out.write('\n');
      }
    }
  }

  /**
   * The shortest decimal that parses back to {@code score}, without an exponent. {@code trec_eval}
   * reads it with {@code atof}, which would accept an exponent too, but other TREC tools do not.
   */
  static String formatScore(double score) {
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, got " + score);
    }
    // valueOf uses the shortest repr (Double.toString); stripping then restoring one decimal turns
    // "1.0E-7" into "0.0000001" rather than "0.00000010", and keeps "2.0" rather than "2".
    BigDecimal decimal = BigDecimal.valueOf(score).stripTrailingZeros();
    return (decimal.scale() < 1 ? decimal.setScale(1) : decimal).toPlainString();
  }
}

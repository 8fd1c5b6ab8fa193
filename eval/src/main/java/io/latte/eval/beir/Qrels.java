package io.latte.eval.beir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Relevance judgments: for each query, the judged documents and their grades. A grade above 0 means
 * relevant (higher is more relevant); 0 or below means judged non-relevant, exactly as trec_eval reads
 * them with its default relevance level of 1. Queries and documents keep the order in which they were
 * first added (file order), so per-query reports are stable.
 *
 * <p>Immutable. Build with {@link #builder()}; read BEIR files with {@link BeirDataset#qrels(String)}.
 */
public final class Qrels {
  private final Map<String, Map<String, Integer>> byQuery;

  private Qrels(Map<String, Map<String, Integer>> byQuery) {
    this.byQuery = byQuery;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Qrels holding a copy of {@code judgments} (query → doc → grade). */
  public static Qrels of(Map<String, ? extends Map<String, Integer>> judgments) {
    Builder builder = builder();
    judgments.forEach((query, docs) -> docs.forEach((doc, grade) -> builder.add(query, doc, grade)));
    return builder.build();
  }

  /**
   * The queries with at least one judgment of any grade, in first-seen order. These are the queries
   * BEIR evaluates and {@code trec_eval -c} averages over, including those with no relevant document.
   */
  public Set<String> judgedQueries() {
    return byQuery.keySet();
  }

  /** The judged documents of a query and their grades; empty when the query has no judgments. */
  public Map<String, Integer> judgments(String queryId) {
    return byQuery.getOrDefault(queryId, Map.of());
  }

  /** The grade of a document for a query; 0 when it was not judged. */
  public int grade(String queryId, String docId) {
    return judgments(queryId).getOrDefault(docId, 0);
  }

  /** Whether the document is judged relevant (grade above 0) for the query. */
  public boolean isRelevant(String queryId, String docId) {
    return grade(queryId, docId) > 0;
  }

  /** How many documents are judged relevant (grade above 0) for the query. */
  public int relevantCount(String queryId) {
    return (int) judgments(queryId).values().stream().filter(grade -> grade > 0).count();
  }

  /** The number of judgments (qrels rows) over all queries. */
  public int judgmentCount() {
    return byQuery.values().stream().mapToInt(Map::size).sum();
  }

  public boolean isEmpty() {
    return byQuery.isEmpty();
  }

  /** The judgments as an unmodifiable query → doc → grade map, in first-seen order. */
  public Map<String, Map<String, Integer>> asMap() {
    return byQuery;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Qrels other && byQuery.equals(other.byQuery);
  }

  @Override
  public int hashCode() {
    return byQuery.hashCode();
  }

  @Override
  public String toString() {
    return "Qrels[" + byQuery.size() + " queries, " + judgmentCount() + " judgments]";
  }

  /** Collects judgments one at a time. */
  public static final class Builder {
    private final Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds one judgment.
     *
     * @throws IllegalArgumentException if an id is empty or the pair is already judged: trec_eval
     *     refuses qrels with duplicate documents, and keeping either grade silently would be a guess
     */
    public Builder add(String queryId, String docId, int grade) {
      Objects.requireNonNull(queryId, "queryId");
      Objects.requireNonNull(docId, "docId");
      if (queryId.isEmpty() || docId.isEmpty()) {
        throw new IllegalArgumentException(
            "query and document ids must not be empty, got query \""
                + queryId
                + "\" doc \""
                + docId
                + "\"");
      }
      Integer previous =
          byQuery.computeIfAbsent(queryId, q -> new LinkedHashMap<>()).putIfAbsent(docId, grade);
      if (previous != null) {
        throw new IllegalArgumentException(
            "duplicate judgment for query \""
                + queryId
                + "\" doc \""
                + docId
                + "\" (grades "
                + previous
                + " and "
                + grade
                + ")");
      }
      return this;
    }

    public Qrels build() {
      Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
      byQuery.forEach(
          (query, docs) -> copy.put(query, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
      return new Qrels(Collections.unmodifiableMap(copy));
    }
  }
}

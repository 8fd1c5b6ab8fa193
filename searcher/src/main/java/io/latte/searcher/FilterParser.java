package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.MetadataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Parses filters written in Lucene's query syntax over metadata keys and ids, e.g.
 * {@code topic:volcanoes AND year:[2000 TO 2020]} or {@code id:(d001 OR d002)}. Keyword values match
 * exactly (no analysis); numeric keys take exact values and ranges ({@code *} for an open end). Field
 * names are the corpus metadata keys; an unknown key is an error listing the known ones.
 *
 * <p>Every query type of the syntax is mapped onto the metadata fields, never left to match nothing
 * silently: prefix ({@code id:d00*}), wildcard, regex ({@code topic:/cof.+/}) and fuzzy ({@code
 * topic:coffe~2}) work on {@code id} and keyword keys and are errors on numeric keys. A purely
 * negative query ({@code NOT topic:x}, also nested) means "everything except", as Lucene users
 * expect, not "nothing". A regex or wildcard too costly to determinize, or a filter with more clauses
 * than {@link IndexSearcher#getMaxClauseCount()} in total, is an error, not a failed search.
 */
public final class FilterParser {
  private final Map<String, MetadataType> schema;

  /** @param schema metadata key → type of the index (from its commit data) */
  public FilterParser(Map<String, MetadataType> schema) {
    this.schema = Map.copyOf(schema);
  }

  /** The parser for the metadata schema recorded in {@code index}'s commit. */
  public static FilterParser forIndex(io.latte.indexer.read.LatteIndex index) {
    return new FilterParser(index.commit().schema().types());
  }

  /** @throws IllegalArgumentException naming the problem, for syntax errors and unknown keys */
  public Query parse(String filter) {
    if (filter == null || filter.isBlank()) {
      throw new IllegalArgumentException("filter is empty");
    }
    Query q;
    try {
      q = new Parser().parse(filter);
    } catch (ParseException e) {
      if (e.getCause() instanceof UnknownField u) {
        throw new IllegalArgumentException(u.getMessage(), u);
      }
      if (e.getCause() instanceof TooComplexToDeterminizeException || e.getCause() instanceof IllegalArgumentException) {
        throw new IllegalArgumentException("bad filter '" + filter + "': " + tooComplex(e.getCause()), e);
      }
      throw new IllegalArgumentException("bad filter '" + filter + "': " + firstLine(e.getMessage()), e);
    } catch (UnknownField e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (TooComplexToDeterminizeException | IllegalArgumentException | IllegalStateException e) {
      // Lucene's automata: a regex or wildcard whose automaton explodes, or an invalid regex.
      throw new IllegalArgumentException("bad filter '" + filter + "': " + tooComplex(e), e);
    }
    checkClauseCount(filter, q);
    return q;
  }

  private static String tooComplex(Throwable e) {
    return e instanceof TooComplexToDeterminizeException
        ? "a regular expression or wildcard is too complex (its automaton exceeds Lucene's determinize limit)"
        : firstLine(e.getMessage());
  }

  /** Nested Boolean queries can hold more leaves in total than the per-query limit checks at parse time. */
  private static void checkClauseCount(String filter, Query q) {
    int max = IndexSearcher.getMaxClauseCount();
    int[] leaves = {0};
    q.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query query, Term... terms) {
        leaves[0] += terms.length;
      }

      @Override
      public void visitLeaf(Query query) {
        leaves[0]++;
      }

      @Override
      public void consumeTermsMatching(Query query, String field,
          java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
        leaves[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (leaves[0] > max) {
      throw new IllegalArgumentException("bad filter '" + abbreviate(filter) + "': it has " + leaves[0]
          + " clauses; the limit is " + max);
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  private static String firstLine(String s) {
    return s == null ? "syntax error" : s.lines().findFirst().orElse(s);
  }

  /** Thrown from inside the parser, unwrapped by {@link #parse}. */
  private static final class UnknownField extends RuntimeException {
    UnknownField(String message) {
      super(message);
    }
  }

  private final class Parser extends QueryParser {
    Parser() {
      super("", new KeywordAnalyzer());
      setAllowLeadingWildcard(false);
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
      if (isId(field)) {
        return new TermQuery(new Term(LatteIndexFormat.FIELD_ID, text));
      }
      return switch (type(field)) {
        case KEYWORD -> new TermQuery(new Term(LatteIndexFormat.metadataField(field), text));
        case LONG -> LongPoint.newExactQuery(LatteIndexFormat.metadataField(field), parseLong(field, text));
        case DOUBLE -> DoublePoint.newExactQuery(LatteIndexFormat.metadataField(field), parseDouble(field, text));
      };
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
      return super.getPrefixQuery(keywordField(field, "prefix"), termStr);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
      if ("*".equals(field)) {
        if ("*".equals(termStr)) {
          return new MatchAllDocsQuery();
        }
        throw new ParseException("'*' as a field only works as '*:*' (every document)");
      }
      return super.getWildcardQuery(keywordField(field, "wildcard"), termStr);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
      return super.getRegexpQuery(keywordField(field, "regular expression"), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
      return super.getFuzzyQuery(keywordField(field, "fuzzy"), termStr, minSimilarity);
    }

    /**
     * Determinized up front, within the parser's work limit: Lucene 10 would otherwise run a
     * non-deterministic automaton over the terms, and a pathological pattern costs seconds per
     * search instead of an immediate {@link TooComplexToDeterminizeException}.
     */
    @Override
    protected Query newRegexpQuery(Term regexp) {
      return new RegexpQuery(regexp, RegExp.ALL, 0, RegexpQuery.DEFAULT_PROVIDER, getDeterminizeWorkLimit(),
          MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE, true);
    }

    /** A purely negative clause list means "all documents except": Lucene alone would match nothing. */
    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      if (!clauses.isEmpty() && clauses.stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT)) {
        List<BooleanClause> all = new ArrayList<>(clauses);
        all.add(new BooleanClause(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER));
        return super.getBooleanQuery(all);
      }
      return super.getBooleanQuery(clauses);
    }

    /** The Lucene field behind {@code id} or a keyword key; term-pattern queries make no sense on numbers. */
    private String keywordField(String field, String kind) throws ParseException {
      if (isId(field)) {
        return LatteIndexFormat.FIELD_ID;
      }
      if (type(field) != MetadataType.KEYWORD) {
        throw new ParseException("'" + field + "' is a numeric field: " + kind
            + " queries work on id and keyword fields only; use a range like " + field + ":[1 TO 5]");
      }
      return LatteIndexFormat.metadataField(field);
    }

    @Override
    protected Query getRangeQuery(String field, String lo, String hi, boolean loInc, boolean hiInc)
        throws ParseException {
      if (isId(field) || type(field) == MetadataType.KEYWORD) {
        String f = isId(field) ? LatteIndexFormat.FIELD_ID : LatteIndexFormat.metadataField(field);
        return org.apache.lucene.search.TermRangeQuery.newStringRange(f, lo, hi, loInc, hiInc);
      }
      String f = LatteIndexFormat.metadataField(field);
      if (type(field) == MetadataType.LONG) {
        long a = lo == null ? Long.MIN_VALUE : parseLong(field, lo);
        long b = hi == null ? Long.MAX_VALUE : parseLong(field, hi);
        a = lo != null && !loInc ? Math.addExact(a, 1) : a;
        b = hi != null && !hiInc ? Math.subtractExact(b, 1) : b;
        return LongPoint.newRangeQuery(f, a, b);
      }
      double a = lo == null ? Double.NEGATIVE_INFINITY : parseDouble(field, lo);
      double b = hi == null ? Double.POSITIVE_INFINITY : parseDouble(field, hi);
      a = lo != null && !loInc ? DoublePoint.nextUp(a) : a;
      b = hi != null && !hiInc ? DoublePoint.nextDown(b) : b;
      return DoublePoint.newRangeQuery(f, a, b);
    }

    private boolean isId(String field) {
      return field.equals("id") || field.equals(LatteIndexFormat.FIELD_ID);
    }

    private MetadataType type(String field) {
      MetadataType t = schema.get(field);
      if (t == null) {
        throw new UnknownField("unknown filter field '" + field + "'; this index has: id"
            + (schema.isEmpty() ? "" : ", " + String.join(", ", new TreeSet<>(schema.keySet()))));
      }
      return t;
    }

    private long parseLong(String field, String text) throws ParseException {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new ParseException("'" + field + "' is an integer field, got '" + text + "'");
      }
    }

    private double parseDouble(String field, String text) throws ParseException {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new ParseException("'" + field + "' is a numeric field, got '" + text + "'");
      }
    }
  }
}

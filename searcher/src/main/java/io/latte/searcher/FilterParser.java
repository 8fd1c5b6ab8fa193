package io.latte.searcher;

import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.format.MetadataType;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Parses filters written in Lucene's query syntax over metadata keys and ids, e.g.
 * {@code topic:volcanoes AND year:[2000 TO 2020]} or {@code id:(d001 OR d002)}. Keyword values match
 * exactly (no analysis); numeric keys take exact values and ranges ({@code *} for an open end). Field
 * names are the corpus metadata keys; an unknown key is an error listing the known ones.
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
    try {
      return new Parser().parse(filter);
    } catch (ParseException e) {
      throw new IllegalArgumentException("bad filter '" + filter + "': " + firstLine(e.getMessage()), e);
    } catch (UnknownField e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
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

package io.latte.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.format.MetadataType;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.WildcardQuery;
import org.junit.jupiter.api.Test;

/**
 * Every query type of the filter syntax lands on the metadata field it names (or is an error): the
 * parse side of issue 15's filter items; the server's HardeningTest checks the hits on the sample index.
 */
class FilterParserTest {
  private final FilterParser parser =
      new FilterParser(Map.of("topic", MetadataType.KEYWORD, "year", MetadataType.LONG, "score", MetadataType.DOUBLE));

  @Test
  void termPatternsUseTheMetadataField() {
    assertEquals("meta.topic", field(parser.parse("topic:coffee*"), PrefixQuery.class));
    assertEquals("meta.topic", field(parser.parse("topic:co?fee*"), WildcardQuery.class));
    assertEquals("meta.topic", field(parser.parse("topic:/cof.*/"), RegexpQuery.class));
    assertEquals("meta.topic", field(parser.parse("topic:coffe~2"), FuzzyQuery.class));
    assertEquals("_id", field(parser.parse("id:d00*"), PrefixQuery.class));
    assertEquals("_id", field(parser.parse("_id:/d00[1-3]/"), RegexpQuery.class));
  }

  @Test
  void unknownAndNumericFieldsAreErrors() {
    for (String f : new String[] {"text:/.*/", "text:esp*", "text:a?c", "text:abc~1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(f));
      assertTrue(e.getMessage().contains("unknown filter field 'text'"), e.getMessage());
    }
    for (String f : new String[] {"year:20*", "year:/20.*/", "score:1?", "year:2011~1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.parse(f));
      assertTrue(e.getMessage().contains("numeric"), f + ": " + e.getMessage());
    }
  }

  @Test
  void pathologicalRegexIsAnErrorNotACrash() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parser.parse("id:/(a+)+(b+)+(c+)+(d+)+(e+)+[^x]{1,1000}/"));
    assertTrue(e.getMessage().contains("too complex"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> parser.parse("topic:/(abc/"));
  }

  @Test
  void purelyNegativeMeansAllExcept() {
    BooleanQuery q = (BooleanQuery) parser.parse("NOT topic:\"coffee and tea\"");
    assertTrue(q.clauses().stream().anyMatch(c -> c.query() instanceof MatchAllDocsQuery), q.toString());
    BooleanQuery nested = (BooleanQuery) parser.parse("year:[2000 TO 2010] AND (NOT topic:chess)");
    BooleanQuery inner = (BooleanQuery) nested.clauses().stream()
        .filter(c -> c.query() instanceof BooleanQuery).findFirst().orElseThrow().query();
    assertTrue(inner.clauses().stream().anyMatch(c -> c.query() instanceof MatchAllDocsQuery
        && c.occur() == BooleanClause.Occur.FILTER), inner.toString());
    assertTrue(parser.parse("*:*") instanceof MatchAllDocsQuery);
  }

  private static String field(Query q, Class<?> type) {
    assertTrue(type.isInstance(q), q.getClass() + ": " + q);
    return ((org.apache.lucene.search.MultiTermQuery) q).getField();
  }
}

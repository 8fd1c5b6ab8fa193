package io.latte.indexer.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.input.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The small byte layouts: encode then decode gives back the input; damage is detected. */
class FormatCodecsTest {

  @Test
  void centroidTermsSortInIdOrder() {
    assertEquals(1, LatteIndexFormat.centroidBytes(1));
    assertEquals(1, LatteIndexFormat.centroidBytes(256));
    assertEquals(2, LatteIndexFormat.centroidBytes(257));
    assertEquals(2, LatteIndexFormat.centroidBytes(65536));
    assertEquals(3, LatteIndexFormat.centroidBytes(65537));
    BytesRef prev = null;
    for (int c = 0; c < 70000; c += 97) {
      BytesRef t = CentroidTerms.term(c, 3);
      assertEquals(c, CentroidTerms.centroid(t));
      if (prev != null) {
        assertTrue(prev.compareTo(t) < 0, "term order must be id order at " + c);
      }
      prev = t;
    }
    assertThrows(IllegalArgumentException.class, () -> CentroidTerms.term(256, 1));
  }

  @Test
  void tokenTextRoundTrips() throws Exception {
    String[] tokens = {"[CLS]", "caf\u00e9", "##s", "\uD83D\uDE00", ""};
    int[] starts = {-1, 0, 4, 6, -1};
    int[] ends = {-1, 4, 5, 8, -1};
    TokenText t = TokenTextCodec.decode(TokenTextCodec.encode(tokens, starts, ends), "test");
    assertArrayEquals(tokens, t.tokens());
    assertArrayEquals(starts, t.starts());
    assertArrayEquals(ends, t.ends());
  }

  @Test
  void commitDataRoundTripsExactly() throws Exception {
    MetadataSchema schema = MetadataSchema.empty().accept(
        new ArrayList<>(MetadataValues.flatten(Map.of("year", 2001, "venue", "x"))));
    CommitData d = CommitData.initial("abc", "src").withProgress(
        schema, 17, 16, false, new FitStats(3, 0.1, 2.0 / 3, 1e-300), new FitStats(5, 1, 2, 3));
    CommitData back = CommitData.fromUserData(d.toUserData(), "test");
    assertEquals(d, back);
    assertTrue(back.resumable("src"));
    assertTrue(!back.resumable("other"));
    var e = assertThrows(CorruptIndexException.class, () -> CommitData.fromUserData(Map.of(), "dir"));
    assertTrue(e.getMessage().contains("not a latte index"), e.getMessage());
  }

  @Test
  void metadataFlattensAndTypesAreEnforced() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", Map.of("b", 1));
    m.put("tags", List.of("x", "y"));
    m.put("flag", true);
    m.put("none", null);
    m.put("price", 2.5);
    List<MetadataValues.Value> v = MetadataValues.flatten(m);
    assertEquals(List.of(
        new MetadataValues.Value("a.b", MetadataType.LONG, 1L),
        new MetadataValues.Value("tags", MetadataType.KEYWORD, "x"),
        new MetadataValues.Value("tags", MetadataType.KEYWORD, "y"),
        new MetadataValues.Value("flag", MetadataType.KEYWORD, "true"),
        new MetadataValues.Value("price", MetadataType.DOUBLE, 2.5)), v);
    MetadataSchema s = MetadataSchema.empty().accept(new ArrayList<>(v));
    // An integer for a double key is widened; a string for a number key is rejected.
    List<MetadataValues.Value> later = new ArrayList<>(MetadataValues.flatten(Map.of("price", 3)));
    assertEquals(s, s.accept(later));
    assertEquals(3.0, later.get(0).value());
    var e = assertThrows(IllegalArgumentException.class,
        () -> s.accept(new ArrayList<>(MetadataValues.flatten(Map.of("a", Map.of("b", "one"))))));
    assertTrue(e.getMessage().contains("\"a.b\" is keyword (one) but the index holds long"), e.getMessage());
  }
}

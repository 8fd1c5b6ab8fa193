package io.latte.indexer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The language codes name Lucene's analyzers for those languages, and nothing else is accepted. */
class Bm25LanguagesTest {

  @Test
  void unknownCodeListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bm25Languages.normalize("xx"));
    assertTrue(e.getMessage().startsWith("unknown language 'xx'; known: ar, bg, "), e.getMessage());
    assertTrue(e.getMessage().contains(" tr, "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line");
  }

  @Test
  void codesAreNormalisedAndNullIsTheDefault() {
    assertEquals("en", Bm25Languages.normalize(null));
    assertEquals("pt-br", Bm25Languages.normalize(" PT_BR "));
    assertSame(Bm25Languages.analyzer("ES"), Bm25Languages.analyzer("es"), "one shared instance per code");
  }

  @Test
  void turkishLowerCasesTheDottedCapitalI() throws IOException {
    // Turkish maps İ→i and I→ı (dotless); English lower-cases I to a dotted i, another word.
    assertEquals(List.of("istanbul"), terms("tr", "İSTANBUL"));
    assertEquals(List.of("ılık"), terms("tr", "ILIK"));
    assertEquals(List.of("ilik"), terms("en", "ILIK"));
  }

  @Test
  void spanishAndRussianStemInflectedForms() throws IOException {
    assertEquals(terms("es", "canciones"), terms("es", "canción"));
    assertEquals(terms("ru", "книгами"), terms("ru", "книга"));
    // …which English does not: the plural and singular stay different terms.
    assertTrue(!terms("en", "canciones").equals(terms("en", "canción")));
    // Stop words of the language are dropped.
    assertEquals(List.of(), terms("es", "de la y"));
  }

  @Test
  void chineseAndJapaneseAreSegmentedIntoWords() throws IOException {
    List<String> zh = terms("zh", "我们喜欢搜索引擎");
    assertTrue(zh.size() >= 3 && zh.stream().anyMatch(t -> t.length() > 1), zh.toString());
    List<String> ja = terms("ja", "東京都に住んでいます");
    assertTrue(ja.contains("東京"), ja.toString());
    assertEquals(List.of("한국", "국어"), terms("ko", "한국어"));
    assertEquals(List.of("unicode", "strasse"), terms("icu", "Ünïcödé STRASSE"));
  }

  static List<String> terms(String language, String text) throws IOException {
    Analyzer a = Bm25Languages.analyzer(language);
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("f", text)) {
      CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(t.toString());
      }
      ts.end();
    }
    return out;
  }
}

package io.latte.indexer.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.br.BrazilianAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.ckb.SoraniAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The BM25 analyzers latte knows, by language code (ISO 639-1 where there is one). Each is
 * Lucene's own analyzer for the language with its default stop words and stemmer; a few codes name
 * an analysis rather than a language:
 *
 * <ul>
 *   <li>{@code zh}: smartcn's word segmentation (SmartChineseAnalyzer); {@code ja}: kuromoji's
 *       morphological analysis (JapaneseAnalyzer);
 *   <li>{@code ko} and {@code cjk}: overlapping character bigrams (CJKAnalyzer) — Lucene's Korean
 *       module (nori) is not published at the Lucene version latte pins, and bigrams are the usual
 *       fallback for Korean;
 *   <li>{@code icu}: ICU word segmentation with Unicode case and accent folding, no stemming — for
 *       scripts without spaces that have no analyzer of their own (Lao, Khmer, Myanmar, …) or mixed
 *       text;
 *   <li>{@code standard}: Unicode word segmentation and lower-casing only.
 * </ul>
 *
 * Analyzers are shared: Lucene's analyzers are thread-safe (per-thread token stream reuse), and one
 * instance per code keeps a server with several indexes of the same language from holding copies
 * of the same dictionaries (kuromoji and smartcn load several MB).
 */
public final class Bm25Languages {

  /** The language of an index created without {@code --language}, and of indexes older than it. */
  public static final String DEFAULT = "en";

  private static final Map<String, Supplier<Analyzer>> KNOWN = known();
  private static final Map<String, Analyzer> SHARED = new ConcurrentHashMap<>();

  private Bm25Languages() {}

  private static Map<String, Supplier<Analyzer>> known() {
    // zh, ja and icu are built by ModuleAnalyzers, a class of its own: hosts that ship only
    // lucene-analysis-common (the OpenSearch plugin) must be able to load this class without smartcn,
    // kuromoji or ICU on their class path (lambdas, not method references: those would link ModuleAnalyzers, and with it those modules, here).
    Map<String, Supplier<Analyzer>> m = new LinkedHashMap<>();
    m.put("ar", ArabicAnalyzer::new);
    m.put("bg", BulgarianAnalyzer::new);
    m.put("bn", BengaliAnalyzer::new);
    m.put("ca", CatalanAnalyzer::new);
    m.put("cjk", CJKAnalyzer::new);
    m.put("ckb", SoraniAnalyzer::new);
    m.put("cs", CzechAnalyzer::new);
    m.put("da", DanishAnalyzer::new);
    m.put("de", GermanAnalyzer::new);
    m.put("el", GreekAnalyzer::new);
    m.put("en", EnglishAnalyzer::new);
    m.put("es", SpanishAnalyzer::new);
    m.put("et", EstonianAnalyzer::new);
    m.put("eu", BasqueAnalyzer::new);
    m.put("fa", PersianAnalyzer::new);
    m.put("fi", FinnishAnalyzer::new);
    m.put("fr", FrenchAnalyzer::new);
    m.put("ga", IrishAnalyzer::new);
    m.put("gl", GalicianAnalyzer::new);
    m.put("hi", HindiAnalyzer::new);
    m.put("hu", HungarianAnalyzer::new);
    m.put("hy", ArmenianAnalyzer::new);
    m.put("icu", () -> ModuleAnalyzers.icu());
    m.put("id", IndonesianAnalyzer::new);
    m.put("it", ItalianAnalyzer::new);
    m.put("ja", () -> ModuleAnalyzers.japanese());
    m.put("ko", CJKAnalyzer::new);
    m.put("lt", LithuanianAnalyzer::new);
    m.put("lv", LatvianAnalyzer::new);
    m.put("ne", NepaliAnalyzer::new);
    m.put("nl", DutchAnalyzer::new);
    m.put("no", NorwegianAnalyzer::new);
    m.put("pt", PortugueseAnalyzer::new);
    m.put("pt-br", BrazilianAnalyzer::new);
    m.put("ro", RomanianAnalyzer::new);
    m.put("ru", RussianAnalyzer::new);
    m.put("sr", SerbianAnalyzer::new);
    m.put("standard", StandardAnalyzer::new);
    m.put("sv", SwedishAnalyzer::new);
    m.put("ta", TamilAnalyzer::new);
    m.put("te", TeluguAnalyzer::new);
    m.put("th", ThaiAnalyzer::new);
    m.put("tr", TurkishAnalyzer::new);
    m.put("zh", () -> ModuleAnalyzers.chinese());
    return Collections.unmodifiableMap(m);
  }

  /** The known codes, in alphabetical order. */
  public static Set<String> codes() {
    return KNOWN.keySet();
  }

  /**
   * The canonical form of {@code code} (trimmed, lower case, {@code _} as {@code -}), or the default
   * for null.
   *
   * @throws IllegalArgumentException for a code latte has no analyzer for, listing the known ones
   */
  public static String normalize(String code) {
    if (code == null) {
      return DEFAULT;
    }
    String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (!KNOWN.containsKey(c)) {
      throw new IllegalArgumentException(
          "unknown language '" + code + "'; known: " + String.join(", ", KNOWN.keySet()));
    }
    return c;
  }

  /**
   * The shared analyzer of {@code code} (null = {@link #DEFAULT}).
   *
   * @throws IllegalArgumentException for an unknown code
   */
  public static Analyzer analyzer(String code) {
    return SHARED.computeIfAbsent(normalize(code), c -> KNOWN.get(c).get());
  }
}

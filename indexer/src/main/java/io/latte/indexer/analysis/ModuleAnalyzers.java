package io.latte.indexer.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilterFactory;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizerFactory;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;

/**
 * The analyzers that live in Lucene's optional analysis modules (smartcn, kuromoji, ICU), apart from
 * {@link Bm25Languages} so that their classes are loaded only when such a language is asked for: a
 * host that ships lucene-analysis-common alone (the OpenSearch plugin) still loads Bm25Languages.
 */
final class ModuleAnalyzers {
  private ModuleAnalyzers() {}

  static Analyzer chinese() {
    return new SmartChineseAnalyzer();
  }

  static Analyzer japanese() {
    return new JapaneseAnalyzer();
  }

  /** ICU word segmentation with Unicode case and accent folding, no stemming. */
  static Analyzer icu() {
    try {
      return CustomAnalyzer.builder()
          .withTokenizer(ICUTokenizerFactory.class)
          .addTokenFilter(ICUFoldingFilterFactory.class)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.latte.indexer.testing;

import io.latte.indexer.input.SourceDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic corpora: deterministic documents with words from a small vocabulary and metadata. */
public final class Corpora {

  private Corpora() {}

  /** Documents {@code d<first>…d<first+n-1>} at lines {@code first+1…}, seeded by id. */
  public static List<SourceDocument> documents(int first, int n) {
    List<SourceDocument> out = new ArrayList<>();
    for (int i = first; i < first + n; i++) {
      out.add(document(i, ""));
    }
    return out;
  }

  /** Document {@code d<i>}; {@code variant} changes its text (for update tests). */
  public static SourceDocument document(int i, String variant) {
    Random r = new Random(i * 7919L + variant.hashCode());
    int words = 4 + r.nextInt(20);
    StringBuilder text = new StringBuilder(variant);
    for (int w = 0; w < words; w++) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append("w").append(r.nextInt(300));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("year", 1990 + i % 30);
    meta.put("venue", i % 2 == 0 ? "even" : "odd");
    meta.put("score", i / 10.0 + 0.5);
    meta.put("tags", List.of("t" + i % 3, "t" + i % 5));
    return new SourceDocument("d" + i, "title " + i, text.toString(), meta, "corpus.jsonl", i + 1);
  }
}

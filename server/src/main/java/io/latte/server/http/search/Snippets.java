package io.latte.server.http.search;

import io.latte.searcher.TokenMatch;
import java.util.List;

/**
 * A short extract of a hit's text for result lists: around the strongest token match when the hit
 * is explained, else the beginning, cut at word boundaries.
 */
final class Snippets {
  /** Target snippet length in characters. */
  static final int LENGTH = 240;

  private Snippets() {}

  /**
   * @param title the stored title
   * @param text the stored text
   * @param explanation the hit's token matches (offsets into {@code (title + " " + text).strip()}), or null
   */
  static String of(String title, String text, List<TokenMatch> explanation) {
    if (text.length() <= LENGTH) {
      return text;
    }
    int textStart = textOffset(title, text);
    int center = -1;
    float best = Float.NEGATIVE_INFINITY;
    if (explanation != null) {
      for (TokenMatch m : explanation) {
        if (!m.imputed() && m.start() >= textStart && m.similarity() > best) {
          best = m.similarity();
          center = m.start() - textStart;
        }
      }
    }
    int from = center < 0 ? 0 : Math.max(0, Math.min(center - LENGTH / 3, text.length() - LENGTH));
    int to = Math.min(text.length(), from + LENGTH);
    if (from > 0) {
      int space = text.indexOf(' ', from);
      from = space < 0 || space >= to ? from : space + 1;
    }
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      to = space <= from ? to : space;
    }
    return (from > 0 ? "…" : "") + text.substring(from, to).strip() + (to < text.length() ? "…" : "");
  }

  /** Where {@code text} starts inside {@code (title + " " + text).strip()}. */
  static int textOffset(String title, String text) {
    String raw = title + " " + text;
    int leading = raw.length() - raw.stripLeading().length();
    return Math.max(0, title.length() + 1 - leading);
  }
}

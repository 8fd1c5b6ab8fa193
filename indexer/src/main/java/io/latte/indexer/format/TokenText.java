package io.latte.indexer.format;

/**
 * What each token of a document was, for explanations.
 *
 * @param tokens token strings (e.g. wordpieces such as {@code "##ing"} or {@code "[CLS]"})
 * @param starts char offset of each token in {@code (title + " " + text).strip()}, -1 when the token
 *     is not from the text
 * @param ends exclusive end offsets, -1 where {@code starts} is -1
 */
public record TokenText(String[] tokens, int[] starts, int[] ends) {

  public int size() {
    return tokens.length;
  }
}

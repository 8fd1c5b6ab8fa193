package io.latte.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds model input for one role (queries or documents): prefix, tokenise and truncate, insert the
 * marker after the leading special token, pad queries with [MASK], and map token offsets back to the
 * caller's text.
 *
 * <p>Everything after tokenisation is the pure function {@link #assemble}, tested against exact
 * token-id lists. All ids come from the model's tokenizer and vocabulary, never from constants.
 */
final class InputBuilder implements AutoCloseable {

  /** A token inserted by us rather than the tokenizer: the marker or the augmentation mask. */
  record InsertedToken(long id, String token) {}

  private final TextTokenizer tokenizer;
  private final String prefix;
  private final InsertedToken marker;
  private final InsertedToken mask;
  private final int maxLength;

  /**
   * @param tokenizerJson bytes of {@code tokenizer.json}
   * @param prefix literal text put before every text, may be empty
   * @param marker inserted after the leading special tokens, or null
   * @param mask appended up to {@code maxLength} (query augmentation), or null
   * @param maxLength total length including specials, marker and mask
   * @param lengthParameter name of the setting {@code maxLength} came from, for errors
   * @param source where the tokenizer came from, for errors
   */
  InputBuilder(byte[] tokenizerJson, String prefix, InsertedToken marker, InsertedToken mask,
               int maxLength, String lengthParameter, String source) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.marker = marker;
    this.mask = mask;
    this.maxLength = maxLength;
    // The marker is inserted after tokenisation, so the tokenizer must leave room for it (ColBERT
    // tokenises to max_length - 1 for the same reason).
    int tokenizerMax = maxLength - (marker == null ? 0 : 1);
    if (tokenizerMax < 1) {
      throw new IllegalArgumentException(lengthParameter + " must leave room for at least one text"
          + " token, got " + maxLength);
    }
    TextTokenizer t = new TextTokenizer(tokenizerJson, tokenizerMax, source);
    try {
      // An empty text yields exactly the template's special tokens ([CLS] [SEP] for BERT).
      int specials = t.tokenize("").length();
      int needed = specials + 1 + (marker == null ? 0 : 1);
      if (maxLength < needed) {
        throw new IllegalArgumentException(lengthParameter + " must be at least " + needed
            + " (" + specials + " special tokens" + (marker == null ? "" : ", 1 marker")
            + ", 1 text token), got " + maxLength);
      }
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
    this.tokenizer = t;
  }

  int maxLength() {
    return maxLength;
  }

  /** Builds the input for one text. */
  ModelInput build(String text) {
    String full = prefix + text;
    return assemble(tokenizer.tokenize(full), full, prefix.length(), marker, mask, maxLength);
  }

  /** Builds inputs for many texts, in order. */
  List<ModelInput> buildAll(List<String> texts) {
    List<String> full = new ArrayList<>(texts.size());
    for (String text : texts) {
      full.add(prefix + text);
    }
    List<TextTokenizer.Tokens> tokens = tokenizer.tokenizeAll(full);
    List<ModelInput> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      out.add(assemble(tokens.get(i), full.get(i), prefix.length(), marker, mask, maxLength));
    }
    return out;
  }

  /**
   * The pure part: turns tokenizer output for {@code fullText} (prefix + original text) into model
   * input.
   *
   * @param raw tokenizer output; offsets in code points of {@code fullText} (what the HuggingFace
   *     tokenizers report), -1 for special tokens
   * @param fullText the text that was tokenised
   * @param prefixLength chars of {@code fullText} that are the spec prefix, not the caller's text
   * @param marker inserted after the leading special tokens, or null
   * @param mask appended until the input is {@code maxLength} long, or null
   * @param maxLength total length the mask pads up to
   */
  static ModelInput assemble(TextTokenizer.Tokens raw, String fullText, int prefixLength,
                             InsertedToken marker, InsertedToken mask, int maxLength) {
    int n = raw.length();
    int insertAt = 0;
    while (insertAt < n && raw.special()[insertAt]) {
      insertAt++; // after [CLS]; a template without a leading special token inserts at 0
    }
    // An empty text has only specials ([CLS] [SEP]); the marker still goes after the first one.
    if (insertAt == n && n > 0) {
      insertAt = 1;
    }
    int markers = marker == null ? 0 : 1;
    int length = n + markers;
    if (mask != null) {
      length = Math.max(length, maxLength);
    }
    long[] ids = new long[length];
    long[] typeIds = new long[length];
    String[] tokens = new String[length];
    int[] starts = new int[length];
    int[] ends = new int[length];
    boolean[] special = new boolean[length];
    Arrays.fill(starts, -1);
    Arrays.fill(ends, -1);

    int[] charIndex = codePointToCharIndex(fullText);
    int out = 0;
    for (int i = 0; i < n; i++) {
      if (i == insertAt && marker != null) {
        put(marker, raw.typeIds()[0], true, ids, typeIds, tokens, special, out++);
      }
      ids[out] = raw.ids()[i];
      typeIds[out] = raw.typeIds()[i];
      tokens[out] = raw.tokens()[i];
      special[out] = raw.special()[i];
      int cpStart = raw.codePointStarts()[i];
      if (cpStart >= 0) {
        int start = charAt(charIndex, cpStart) - prefixLength;
        int end = charAt(charIndex, raw.codePointEnds()[i]) - prefixLength;
        if (end > 0) { // tokens wholly inside the prefix keep -1
          starts[out] = Math.max(start, 0);
          ends[out] = end;
        }
      }
      out++;
    }
    if (marker != null && insertAt >= n) {
      put(marker, n == 0 ? 0 : raw.typeIds()[0], true, ids, typeIds, tokens, special, out++);
    }
    while (out < length) {
      // Augmentation tokens get attention 1 (the batch builder gives it to every real position)
      // and the type id of the text, as in ColBERT.
      put(mask, n == 0 ? 0 : raw.typeIds()[n - 1], false, ids, typeIds, tokens, special, out++);
    }
    return new ModelInput(ids, typeIds, tokens, starts, ends, special);
  }

  private static void put(InsertedToken t, long typeId, boolean isSpecial, long[] ids, long[] typeIds,
                          String[] tokens, boolean[] special, int at) {
    ids[at] = t.id();
    typeIds[at] = typeId;
    tokens[at] = t.token();
    special[at] = isSpecial;
  }

  /**
   * Maps code-point offsets to UTF-16 indices; null when they coincide (no surrogate pairs), the
   * common case, to avoid the allocation.
   */
  private static int[] codePointToCharIndex(String text) {
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints == text.length()) {
      return null;
    }
    int[] index = new int[codePoints + 1];
    int c = 0;
    for (int i = 0; i < codePoints; i++) {
      index[i] = c;
      c += Character.charCount(text.codePointAt(c));
    }
    index[codePoints] = c;
    return index;
  }

  private static int charAt(int[] charIndex, int codePoint) {
    return charIndex == null ? codePoint : charIndex[Math.min(codePoint, charIndex.length - 1)];
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}

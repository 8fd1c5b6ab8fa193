package io.latte.models;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A HuggingFace tokenizer (DJL binding) configured for one max length, truncating and never padding.
 *
 * <p>Every option is set explicitly because {@code tokenizer.json} files carry their own truncation
 * and padding (all-MiniLM-L6-v2's pads every text to 128), which would otherwise leak in. Truncation
 * happens inside the tokenizer before its post-processor adds [CLS]/[SEP], so [SEP] survives.
 */
final class TextTokenizer implements AutoCloseable {

  /** What the tokenizer produced for one text, special tokens of its template included. */
  record Tokens(long[] ids, long[] typeIds, String[] tokens, boolean[] special,
                int[] codePointStarts, int[] codePointEnds) {
    int length() {
      return ids.length;
    }
  }

  private final HuggingFaceTokenizer tokenizer;
  private final int maxLength;

  /**
   * @param tokenizerJson bytes of {@code tokenizer.json}
   * @param maxLength maximum tokens per text including the template's special tokens
   * @param source where the bytes came from, for error messages
   */
  TextTokenizer(byte[] tokenizerJson, int maxLength, String source) {
    this.maxLength = maxLength;
    Map<String, String> options = Map.of(
        "addSpecialTokens", "true",
        "truncation", "true",
        "padding", "false",
        "maxLength", Integer.toString(maxLength),
        // DJL silently lowers maxLength to modelMaxLength (512 unless a tokenizer_config says
        // otherwise); the spec and options are the authority here.
        "modelMaxLength", Integer.toString(maxLength),
        "withOverflowingTokens", "false");
    try {
      this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot load tokenizer " + source + ": " + e.getMessage(), e);
    }
  }

  int maxLength() {
    return maxLength;
  }

  Tokens tokenize(String text) {
    return convert(tokenizer.encode(text));
  }

  /** Tokenises many texts at once; the native side parallelises. */
  List<Tokens> tokenizeAll(List<String> texts) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    List<Tokens> out = new ArrayList<>(encodings.length);
    for (Encoding e : encodings) {
      out.add(convert(e));
    }
    return out;
  }

  private static Tokens convert(Encoding e) {
    long[] ids = e.getIds();
    long[] specialMask = e.getSpecialTokenMask();
    CharSpan[] spans = e.getCharTokenSpans();
    int n = ids.length;
    boolean[] special = new boolean[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      special[i] = specialMask[i] != 0;
      CharSpan span = spans[i];
      // Special tokens have no span; their offsets stay -1.
      starts[i] = span == null || special[i] ? -1 : span.getStart();
      ends[i] = span == null || special[i] ? -1 : span.getEnd();
    }
    return new Tokens(ids, e.getTypeIds(), e.getTokens(), special, starts, ends);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}

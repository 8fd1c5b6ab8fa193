package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Model input as exact token-id lists (bert-base-uncased vocabulary, shared by both embedded
 * models). No ONNX session is involved: tokenisation and input building only.
 */
class InputBuilderTest {

  private static final InputBuilder.InsertedToken Q_MARKER = new InputBuilder.InsertedToken(1, "[unused0]");
  private static final InputBuilder.InsertedToken MASK = new InputBuilder.InsertedToken(103, "[MASK]");

  private static InputBuilder plain(EmbeddedModel model, int maxLength) {
    return new InputBuilder(model.tokenizerBytes(), "", null, null, maxLength, "maxDocumentTokens",
        model.describe());
  }

  @ParameterizedTest
  @EnumSource(EmbeddedModel.class)
  void helloWorld(EmbeddedModel model) {
    try (InputBuilder b = plain(model, 300)) {
      ModelInput in = b.build("hello world");
      assertArrayEquals(new long[] {101, 7592, 2088, 102}, in.ids());
      assertArrayEquals(new String[] {"[CLS]", "hello", "world", "[SEP]"}, in.tokens());
      assertArrayEquals(new long[] {0, 0, 0, 0}, in.typeIds());
      assertArrayEquals(new int[] {-1, 0, 6, -1}, in.starts());
      assertArrayEquals(new int[] {-1, 5, 11, -1}, in.ends());
      assertArrayEquals(new boolean[] {true, false, false, true}, in.special());
    }
  }

  @ParameterizedTest
  @EnumSource(EmbeddedModel.class)
  void punctuationAndAccentsAreSplitAndStripped(EmbeddedModel model) {
    try (InputBuilder b = plain(model, 300)) {
      ModelInput in = b.build("Café naïve, résumé! Done.");
      assertArrayEquals(new long[] {101, 7668, 15743, 1010, 13746, 999, 2589, 1012, 102}, in.ids());
      assertArrayEquals(new String[] {"[CLS]", "cafe", "naive", ",", "resume", "!", "done", ".",
          "[SEP]"}, in.tokens());
      // Offsets point into the original, accented text.
      assertArrayEquals(new int[] {-1, 0, 5, 10, 12, 18, 20, 24, -1}, in.starts());
      assertArrayEquals(new int[] {-1, 4, 10, 11, 18, 19, 24, 25, -1}, in.ends());
    }
  }

  @ParameterizedTest
  @EnumSource(EmbeddedModel.class)
  void truncationKeepsSepLast(EmbeddedModel model) {
    // all-MiniLM's tokenizer.json pads to 128 and truncates at 128 on its own; neither may leak in.
    try (InputBuilder b = plain(model, 8)) {
      ModelInput in = b.build("one two three four five six seven eight nine ten");
      assertArrayEquals(new long[] {101, 2028, 2048, 2093, 2176, 2274, 2416, 102}, in.ids());
    }
    try (InputBuilder b = plain(model, 300)) {
      String longText = "word ".repeat(400);
      ModelInput in = b.build(longText);
      assertEquals(300, in.length());
      assertEquals(102, in.ids()[299]);
      assertEquals(2773, in.ids()[298]); // "word"
    }
  }

  @Test
  void literalPrefixWithMaskAugmentation() {
    try (InputBuilder b = new InputBuilder(TestModels.bgeTokenizer(), "[Q] ", null, MASK, 12,
        "queryMaxLength", "test")) {
      ModelInput in = b.build("hello world");
      assertArrayEquals(new long[] {101, 1031, 1053, 1033, 7592, 2088, 102,
          103, 103, 103, 103, 103}, in.ids());
      assertArrayEquals(new int[] {-1, -1, -1, -1, 0, 6, -1, -1, -1, -1, -1, -1}, in.starts());
      assertArrayEquals(new int[] {-1, -1, -1, -1, 5, 11, -1, -1, -1, -1, -1, -1}, in.ends());
      assertEquals("[MASK]", in.tokens()[11]);
      // A query at the max length gets no [MASK], and is truncated keeping [SEP].
      ModelInput full = b.build("a b c d e f g h i j");
      assertEquals(12, full.length());
      assertEquals(102, full.ids()[11]);
    }
  }

  @Test
  void markerGoesAfterClsAndCountsTowardsMaxLength() {
    try (InputBuilder b = new InputBuilder(TestModels.bgeTokenizer(), "", Q_MARKER, MASK, 8,
        "queryMaxLength", "test")) {
      assertArrayEquals(new long[] {101, 1, 7592, 2088, 102, 103, 103, 103},
          b.build("hello world").ids());
      assertArrayEquals(new long[] {101, 1, 2028, 2048, 2093, 2176, 2274, 102},
          b.build("one two three four five six seven eight").ids());
      ModelInput in = b.build("hello world");
      assertArrayEquals(new boolean[] {true, true, false, false, true, false, false, false},
          in.special());
      assertEquals("[unused0]", in.tokens()[1]);
    }
  }

  @Test
  void offsetsAreUtf16IndicesEvenAfterSurrogatePairs() {
    try (InputBuilder b = plain(EmbeddedModel.BGE_SMALL_EN_V15_Q, 300)) {
      String text = "😀 Café naïve";
      ModelInput in = b.build(text);
      assertArrayEquals(new String[] {"[CLS]", "[UNK]", "cafe", "naive", "[SEP]"}, in.tokens());
      assertEquals("😀", text.substring(in.starts()[1], in.ends()[1]));
      assertEquals("Café", text.substring(in.starts()[2], in.ends()[2]));
      assertEquals("naïve", text.substring(in.starts()[3], in.ends()[3]));
    }
  }

  @Test
  void tooShortMaxLengthIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new InputBuilder(TestModels.bgeTokenizer(), "", Q_MARKER, null, 3, "maxQueryTokens", "t"));
    assertTrue(e.getMessage().contains("maxQueryTokens must be at least 4"), e.getMessage());
  }

  @Test
  void buildAllMatchesBuild() {
    try (InputBuilder b = plain(EmbeddedModel.BGE_SMALL_EN_V15_Q, 16)) {
      List<String> texts = List.of("", "hello world", "Lucene indexes text.", "word ".repeat(40));
      List<ModelInput> all = b.buildAll(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertArrayEquals(b.build(texts.get(i)).ids(), all.get(i).ids());
        assertArrayEquals(b.build(texts.get(i)).starts(), all.get(i).starts());
      }
      assertArrayEquals(new long[] {101, 102}, all.get(0).ids());
    }
  }

  // --- the pure part, on synthetic tokenizer output ---

  private static TextTokenizer.Tokens raw(long[] ids, String[] tokens, boolean[] special,
                                          int[] starts, int[] ends) {
    return new TextTokenizer.Tokens(ids, new long[ids.length], tokens, special, starts, ends);
  }

  @Test
  void assembleInsertsMarkerAfterLeadingSpecialsOfAnEmptyText() {
    TextTokenizer.Tokens empty = raw(new long[] {101, 102}, new String[] {"[CLS]", "[SEP]"},
        new boolean[] {true, true}, new int[] {-1, -1}, new int[] {-1, -1});
    ModelInput in = InputBuilder.assemble(empty, "", 0, Q_MARKER, MASK, 5);
    assertArrayEquals(new long[] {101, 1, 102, 103, 103}, in.ids());
  }

  @Test
  void assembleDropsOffsetsOfPrefixTokensAndShiftsTheRest() {
    // "[D] ab" tokenised as "[", "d", "]", "ab" with code-point offsets into the prefixed text.
    TextTokenizer.Tokens t = raw(new long[] {101, 1031, 1040, 1033, 5, 102},
        new String[] {"[CLS]", "[", "d", "]", "ab", "[SEP]"},
        new boolean[] {true, false, false, false, false, true},
        new int[] {-1, 0, 1, 2, 4, -1}, new int[] {-1, 1, 2, 3, 6, -1});
    ModelInput in = InputBuilder.assemble(t, "[D] ab", 4, null, null, 10);
    assertArrayEquals(new int[] {-1, -1, -1, -1, 0, -1}, in.starts());
    assertArrayEquals(new int[] {-1, -1, -1, -1, 2, -1}, in.ends());
    assertEquals(6, in.length()); // no mask: no padding to maxLength
  }
}

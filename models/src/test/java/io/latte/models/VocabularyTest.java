package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class VocabularyTest {

  private static Vocabulary parse(String json) {
    return Vocabulary.parse(json.getBytes(StandardCharsets.UTF_8), "test-tokenizer.json");
  }

  @Test
  void embeddedBertVocabulary() {
    Vocabulary v = Vocabulary.parse(TestModels.bgeTokenizer(), "bge");
    assertEquals(30522, v.size());
    assertEquals(OptionalInt.of(103), v.id("[MASK]"));
    assertEquals(OptionalInt.of(1), v.id("[unused0]"));
    assertEquals(OptionalInt.of(1012), v.id("."));
    assertEquals(OptionalInt.empty(), v.id("[Q]"));
  }

  @Test
  void wordPieceMapWithAddedTokensOverriding() {
    Vocabulary v = parse("""
        {"added_tokens": [{"id": 7, "content": "[Q]"}],
         "model": {"type": "WordPiece", "vocab": {"a": 0, "b": 1, "[Q]": 5}}}""");
    assertEquals(1, v.require("b", "skiplist entry"));
    assertEquals(7, v.require("[Q]", "queryMarker"));
  }

  @Test
  void unigramListUsesPositionAsId() {
    Vocabulary v = parse("""
        {"model": {"type": "Unigram", "vocab": [["<pad>", 0.0], ["<mask>", 0.0], ["\u2581a", -1.5]]}}""");
    assertEquals(1, v.require("<mask>", "maskToken"));
    assertEquals(2, v.require("\u2581a", "skiplist entry"));
  }

  @Test
  void errorsNameFieldAndSource() {
    Vocabulary v = parse("{\"model\": {\"vocab\": {\"a\": 0}}}");
    String message = assertThrows(IllegalArgumentException.class,
        () -> v.require("[unused0]", "documentMarker")).getMessage();
    assertTrue(message.contains("documentMarker \"[unused0]\" is not in the tokenizer's vocabulary"),
        message);
    String noVocab = assertThrows(IllegalArgumentException.class,
        () -> parse("{\"model\": {}}")).getMessage();
    assertTrue(noVocab.contains("test-tokenizer.json"), noVocab);
  }
}

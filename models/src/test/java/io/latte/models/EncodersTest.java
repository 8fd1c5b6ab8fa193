package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EncodersTest {

  @Test
  void embeddedNamesAndDefault() {
    assertEquals(List.of("bge-small-en-v15-q", "all-minilm-l6-v2"), Encoders.embeddedNames());
    assertTrue(Encoders.embeddedNames().contains(Encoders.DEFAULT_MODEL));
  }

  @Test
  void unknownNameListsEmbeddedModels() {
    for (String bad : List.of("bge-large", "")) {
      String message = assertThrows(IllegalArgumentException.class,
          () -> Encoders.open(bad, EncoderOptions.defaults())).getMessage();
      assertTrue(message.contains("[bge-small-en-v15-q, all-minilm-l6-v2]"), message);
    }
    String message = assertThrows(IllegalArgumentException.class,
        () -> Encoders.spec("nope")).getMessage();
    assertTrue(message.contains("Unknown model \"nope\""), message);
  }

  @Test
  void nullOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Encoders.open("bge-small-en-v15-q", null));
  }

  @Test
  void queryTextMustHaveContent() {
    TokenEncoder encoder = TestModels.bge();
    assertEquals("query text must not be null",
        assertThrows(IllegalArgumentException.class, () -> encoder.encodeQuery(null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> encoder.encodeQuery(""));
    assertThrows(IllegalArgumentException.class, () -> encoder.encodeQuery(" \t\n"));
  }

  @Test
  void tooSmallQueryLengthIsReportedAtOpen() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> Encoders.open("bge-small-en-v15-q", EncoderOptions.defaults().withMaxQueryTokens(2)))
        .getMessage();
    assertTrue(message.contains("maxQueryTokens must be at least 3"), message);
  }

  @Test
  void closedEncoderRefusesWork() {
    TokenEncoder encoder = Encoders.open("bge-small-en-v15-q", TestModels.OPTIONS);
    encoder.close();
    encoder.close(); // idempotent
    assertThrows(IllegalStateException.class, () -> encoder.encodeQuery("hello"));
    assertThrows(IllegalStateException.class, () -> encoder.encodeDocuments(List.of("hello")));
  }
}

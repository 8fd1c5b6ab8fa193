package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncoderOptionsTest {

  @Test
  void defaultsAreDocumented() {
    EncoderOptions o = EncoderOptions.defaults();
    assertEquals(Runtime.getRuntime().availableProcessors(), o.threads());
    assertEquals(EncoderOptions.DEFAULT_BATCH_SIZE, o.batchSize());
    assertEquals(EncoderOptions.FROM_MODEL, o.maxQueryTokens());
    assertEquals(EncoderOptions.FROM_MODEL, o.maxDocumentTokens());
  }

  @Test
  void withersChangeOneField() {
    EncoderOptions o = EncoderOptions.defaults().withThreads(1).withBatchSize(8)
        .withMaxQueryTokens(64).withMaxDocumentTokens(180);
    assertEquals(new EncoderOptions(1, 8, 64, 180), o);
  }

  @Test
  void rangeErrorsNameParameterLimitsAndValue() {
    assertMessage(() -> new EncoderOptions(0, 32, 32, 300), "threads must be in [1, 1024], got 0");
    assertMessage(() -> new EncoderOptions(2, 0, 32, 300), "batchSize must be in [1, 4096], got 0");
    assertMessage(() -> new EncoderOptions(2, 5000, 32, 300), "batchSize must be in [1, 4096], got 5000");
    assertMessage(() -> new EncoderOptions(2, 32, -1, 300), "maxQueryTokens must be in [0, 8192], got -1");
    assertMessage(() -> new EncoderOptions(2, 32, 32, 9000),
        "maxDocumentTokens must be in [0, 8192], got 9000");
  }

  private static void assertMessage(Runnable r, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CodebookTrainerTest {

  @Test
  void autoCentroidRule() {
    // SciFact: 4 * sqrt(1.3 M) ≈ 4 561 → 2^12.
    assertEquals(4096, CodebookTrainer.autoNumCentroids(1_300_000, 1 << 18));
    // Limited by the sample: at least 32 vectors per centroid.
    assertEquals(128, CodebookTrainer.autoNumCentroids(1_300_000, 5000));
    assertEquals(1, CodebookTrainer.autoNumCentroids(0, 3));
  }

  @Test
  void deterministicAndAutoSized() {
    CodebookTrainer.Options o = CodebookTrainer.Options.defaults().withIterations(3).withProjectionDim(16);
    Codebook a = CodebookTrainer.train(CodebookTest.SAMPLE, CodebookTest.ROWS, CodebookTest.IN, o, null);
    Codebook b = CodebookTrainer.train(
        CodebookTest.SAMPLE, CodebookTest.ROWS, CodebookTest.IN, o.withThreads(2), null);
    assertEquals(CodebookTrainer.autoNumCentroids(CodebookTest.ROWS, CodebookTest.ROWS), a.numCentroids());
    assertArrayEquals(a.centroids(), b.centroids());
    assertEquals(a.trainingError(), b.trainingError());
    assertTrue(a.trainingError() > 0);
  }

  @Test
  void rejectsBadInput() {
    float[] sample = new float[10 * 12];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CodebookTrainer.train(sample, 10, 12, CodebookTrainer.Options.defaults().withBits(1), null));
    assertTrue(e.getMessage().contains("multiple of 8 / bits = 8"), e.getMessage());
    sample[13] = Float.NaN;
    e = assertThrows(IllegalArgumentException.class,
        () -> CodebookTrainer.train(sample, 10, 12, CodebookTrainer.Options.defaults(), null));
    assertEquals("sample must be finite: row 1, dimension 1 is NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> CodebookTrainer.Options.defaults().withBits(3));
    assertEquals("bits must be 1, 2 or 4, got 3", e.getMessage());
  }
}

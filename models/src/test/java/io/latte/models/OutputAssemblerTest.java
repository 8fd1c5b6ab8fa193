package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dropping, normalising and pooling on hand-made states (dim 2), no model involved. */
class OutputAssemblerTest {

  // [CLS] a , [SEP] with ids 101 7 1010 102; row 1 of a batch padded to length 5.
  private static final ModelInput INPUT = new ModelInput(
      new long[] {101, 7, 1010, 102}, new long[4], new String[] {"[CLS]", "a", ",", "[SEP]"},
      new int[] {-1, 0, 1, -1}, new int[] {-1, 1, 2, -1}, new boolean[] {true, false, false, true});
  private static final int DIM = 2;
  private static final int ROW_OFFSET = 5 * DIM;
  private static final float[] STATES = {
      9, 9, 9, 9, 9, 9, 9, 9, 9, 9, // row 0, another document
      3, 4, 0, 2, 6, 0, 0, 0, // row 1: [CLS]=(3,4) a=(0,2) ,=(6,0) [SEP]=(0,0)
      100, 100 // row 1 padding: must never be read
  };

  @Test
  void keepsEverythingAndNormalises() {
    EncodedText t = new OutputAssembler(ModelSpec.Pooling.NONE, true, true, Set.of())
        .assemble(INPUT, STATES, ROW_OFFSET, DIM);
    assertEquals(4, t.length());
    assertArrayEquals(new float[] {0.6f, 0.8f}, t.vectors()[0], 1e-7f);
    assertArrayEquals(new float[] {0f, 1f}, t.vectors()[1], 1e-7f);
    assertArrayEquals(new float[] {0f, 0f}, t.vectors()[3], 0f); // zero stays zero, no NaN
    assertArrayEquals(new String[] {"[CLS]", "a", ",", "[SEP]"}, t.tokens());
    assertNull(t.pooled());
  }

  @Test
  void dropsSpecialTokensAndSkiplist() {
    EncodedText t = new OutputAssembler(ModelSpec.Pooling.NONE, true, false, Set.of(1010L))
        .assemble(INPUT, STATES, ROW_OFFSET, DIM);
    assertArrayEquals(new String[] {"a"}, t.tokens());
    assertArrayEquals(new int[] {0}, t.starts());
    assertArrayEquals(new int[] {1}, t.ends());
  }

  @Test
  void poolsRawStatesOfAllRealTokens() {
    EncodedText cls = new OutputAssembler(ModelSpec.Pooling.CLS, true, false, Set.of(1010L))
        .assemble(INPUT, STATES, ROW_OFFSET, DIM);
    assertArrayEquals(new float[] {0.6f, 0.8f}, cls.pooled(), 1e-7f);
    // mean of (3,4) (0,2) (6,0) (0,0) = (2.25, 1.5), even though [CLS], "," and [SEP] are dropped
    EncodedText mean = new OutputAssembler(ModelSpec.Pooling.MEAN, false, false, Set.of(1010L))
        .assemble(INPUT, STATES, ROW_OFFSET, DIM);
    assertArrayEquals(new float[] {2.25f, 1.5f}, mean.pooled(), 1e-7f);
    assertArrayEquals(new float[] {0f, 2f}, mean.vectors()[0], 0f); // normalize=false: raw
  }
}

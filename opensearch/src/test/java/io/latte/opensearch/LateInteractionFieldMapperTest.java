package io.latte.opensearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The field's base64 form: little-endian float32 rows, bit for bit, and 400-class errors on bad text. */
class LateInteractionFieldMapperTest {

  @Test
  void decodesLittleEndianFloat32RowByRow() {
    float[] flat = {0.5f, -1.25f, 3.0e-7f, Float.MIN_VALUE, 0.1f, -0.0f};
    float[][] rows = LateInteractionFieldMapper.decodeBase64(SciFactBench.base64(flat), 3, "v");
    assertEquals(2, rows.length);
    assertArrayEquals(new float[] {0.5f, -1.25f, 3.0e-7f}, rows[0]);
    assertArrayEquals(new float[] {Float.MIN_VALUE, 0.1f, -0.0f}, rows[1]);
    // the byte order is the documented one (numpy's "<f4"), not the JVM's big-endian default
    ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(2.5f);
    float[][] one = LateInteractionFieldMapper.decodeBase64(Base64.getEncoder().encodeToString(b.array()), 1, "v");
    assertEquals(2.5f, one[0][0]);
  }

  @Test
  void rejectsTextThatIsNotBase64() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LateInteractionFieldMapper.decodeBase64("not*base64", 3, "vectors"));
    assertTrue(e.getMessage().contains("[vectors]") && e.getMessage().contains("base64"), e.getMessage());
  }

  @Test
  void rejectsALengthThatIsNotWholeTokens() {
    String sevenFloats = SciFactBench.base64(new float[7]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LateInteractionFieldMapper.decodeBase64(sevenFloats, 3, "vectors"));
    assertTrue(e.getMessage().contains("28 bytes") && e.getMessage().contains("3 dimensions"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LateInteractionFieldMapper.decodeBase64("", 3, "vectors"));
  }
}

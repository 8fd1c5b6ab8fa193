package io.latte.indexer.muvera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FdeConfigTest {

  private static void rejects(String message, Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().startsWith(message), x.getMessage());
  }

  @Test
  void defaultsFitLuceneHnswForAnyInputDimension() {
    FdeConfig d = FdeConfig.defaults();
    assertEquals(new FdeConfig(64, 1, 8, 0, 42), d);
    for (int dim : new int[] {1, 64, 128, 384, 768, 1024}) {
      assertEquals(1024, d.dimension(dim));
      assertTrue(d.dimension(dim) <= MuveraField.MAX_DIMENSION);
    }
    assertEquals(2, d.buckets());
  }

  @Test
  void dimensionsFollowTheSettings() {
    FdeConfig identity = new FdeConfig(3, 2, 0, 0, 1);
    assertEquals(16, identity.bucketDim(16));
    assertEquals(3 * 4 * 16, identity.dimension(16));
    FdeConfig sketched = new FdeConfig(20, 5, 16, 1024, 1);
    assertEquals(10240, sketched.rawDimension(128));
    assertEquals(1024, sketched.dimension(128));
    assertEquals(1, new FdeConfig(1, 0, 1, 0, 0).dimension(7));
  }

  @Test
  void everyLimitIsNamed() {
    rejects("repetitions must be in [1, 1024], got 0", () -> new FdeConfig(0, 1, 8, 0, 1));
    rejects("simhashBits must be in [0, 12], got 13", () -> new FdeConfig(1, 13, 8, 0, 1));
    rejects("simhashBits must be in [0, 12], got -1", () -> new FdeConfig(1, -1, 8, 0, 1));
    rejects("projectionDim must be in [0, 4096], got -2", () -> new FdeConfig(1, 1, -2, 0, 1));
    rejects("finalDim must be in [0, 1048576], got -1", () -> new FdeConfig(1, 1, 8, -1, 1));
    rejects("finalDim must be 0 or smaller than the encoding it compresses (16), got 16",
        () -> new FdeConfig(1, 1, 8, 16, 1));
    rejects("repetitions * 2^simhashBits * bucket dim = 1024 * 4096 * 4096",
        () -> new FdeConfig(1024, 12, 4096, 0, 1));
    // Without projection the size is only known with the input dimension.
    FdeConfig identity = new FdeConfig(1024, 12, 0, 0, 1);
    rejects("repetitions * 2^simhashBits * bucket dim = 1024 * 4096 * 384", () -> identity.dimension(384));
  }

  @Test
  void withersChangeOneSetting() {
    FdeConfig d = FdeConfig.defaults();
    assertEquals(new FdeConfig(5, 1, 8, 0, 42), d.withRepetitions(5));
    assertEquals(new FdeConfig(64, 0, 8, 0, 42), d.withSimhashBits(0));
    assertEquals(new FdeConfig(64, 1, 4, 0, 42), d.withProjectionDim(4));
    assertEquals(new FdeConfig(64, 1, 8, 512, 42), d.withFinalDim(512));
    assertEquals(new FdeConfig(64, 1, 8, 0, 7), d.withSeed(7));
  }

  /** As the index meta writes records: snake_case JSON, and back. */
  @Test
  void roundTripsThroughJson() throws Exception {
    ObjectMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    FdeConfig c = new FdeConfig(20, 5, 16, 1024, -3);
    String s = json.writeValueAsString(c);
    assertEquals("{\"repetitions\":20,\"simhash_bits\":5,\"projection_dim\":16,\"final_dim\":1024,\"seed\":-3}", s);
    assertEquals(c, json.readValue(s, FdeConfig.class));
    Exception e = assertThrows(Exception.class,
        () -> json.readValue("{\"repetitions\":0,\"simhash_bits\":5,\"projection_dim\":16,\"final_dim\":0,\"seed\":1}",
            FdeConfig.class));
    assertTrue(e.getMessage().contains("repetitions must be in [1, 1024], got 0"), e.getMessage());
  }
}

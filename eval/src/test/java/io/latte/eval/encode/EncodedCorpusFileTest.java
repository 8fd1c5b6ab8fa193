package io.latte.eval.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodedCorpusFileTest {
  @TempDir Path tmp;

  private Path writeRandom(Path file, int docs, int dim, long seed) throws IOException {
    Random r = new Random(seed);
    try (var w = new EncodedCorpusFile.Writer(file, "m", "abc", dim)) {
      for (int d = 0; d < docs; d++) {
        float[] t = new float[(1 + r.nextInt(5)) * dim];
        for (int i = 0; i < t.length; i++) {
          t[i] = r.nextFloat();
        }
        w.add("doc-" + d, t, new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat()});
      }
      w.commit();
    }
    return file;
  }

  @Test
  void roundTripKeepsEveryFloatAndId() throws IOException {
    Path f = writeRandom(tmp.resolve("c.lenc"), 50, 3, 7);
    EncodedCorpus c = EncodedCorpusFile.read(f);
    assertEquals(50, c.size());
    assertEquals("m", c.modelName());
    assertEquals("abc", c.modelChecksum());
    Random r = new Random(7);
    for (int d = 0; d < 50; d++) {
      assertEquals("doc-" + d, c.id(d));
      assertEquals(d, c.ordinal("doc-" + d));
      float[] t = new float[(1 + r.nextInt(5)) * 3];
      for (int i = 0; i < t.length; i++) {
        t[i] = r.nextFloat();
      }
      assertArrayEquals(t, c.tokens(d));
      assertArrayEquals(new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat()}, c.pooled(d));
    }
  }

  @Test
  void uncommittedWriterLeavesNothingBehind() throws IOException {
    Path f = tmp.resolve("never.lenc");
    try (var w = new EncodedCorpusFile.Writer(f, "m", "abc", 2)) {
      w.add("a", new float[] {1, 2}, new float[0]);
    }
    assertFalse(Files.exists(f));
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count(), "temporary file removed");
    }
  }

  @Test
  void truncatedOrCorruptedFileIsRejectedNamingIt() throws IOException {
    Path f = writeRandom(tmp.resolve("c.lenc"), 20, 4, 1);
    byte[] bytes = Files.readAllBytes(f);
    Path truncated = tmp.resolve("t.lenc");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    IOException e1 = assertThrows(IOException.class, () -> EncodedCorpusFile.read(truncated));
    assertTrue(e1.getMessage().contains("t.lenc") && e1.getMessage().contains("truncated"), e1.getMessage());

    bytes[bytes.length / 2] ^= 0x55;
    Path corrupted = tmp.resolve("x.lenc");
    Files.write(corrupted, bytes);
    IOException e2 = assertThrows(IOException.class, () -> EncodedCorpusFile.read(corrupted));
    assertTrue(e2.getMessage().contains("x.lenc"), e2.getMessage());
  }

  @Test
  void cacheFileNameChangesWithModelLengthAndCorpus() {
    EncodingCache cache = new EncodingCache(tmp);
    Path a = cache.fileFor("m", "sum1", 300, "corpusA");
    assertEquals(a, cache.fileFor("m", "sum1", 300, "corpusA"));
    assertFalse(a.equals(cache.fileFor("m", "sum2", 300, "corpusA")));
    assertFalse(a.equals(cache.fileFor("m", "sum1", 180, "corpusA")));
    assertFalse(a.equals(cache.fileFor("m", "sum1", 300, "corpusB")));
  }
}

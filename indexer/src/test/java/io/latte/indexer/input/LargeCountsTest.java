package io.latte.indexer.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codebook.CodebookTrainer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts and offsets past 2^31 (the scale issue: 100 M tokens of 384 floats is a 154 GB vectors
 * file; a 1 B-token corpus has more tokens than an int holds), checked without building anything
 * that large: a sparse file and the size rules' arithmetic.
 */
class LargeCountsTest {
  @TempDir Path tmp;

  /**
   * A vectors file whose second record starts past 4 GiB (the first is an oversized record of
   * 2^20 tokens × 1024 dims, all holes): the reader skips it by its length and reads the next one
   * at its long offset. An int position would wrap and read garbage.
   */
  @Test
  void readsRecordsPastFourGibibytes() throws Exception {
    int dim = 1024;
    Path file = tmp.resolve("sparse.lattevec");
    try (TokenVectorsWriter w = TokenVectorsWriter.create(file, dim)) {
      // header only
    }
    long header = Files.size(file);
    byte[] bigId = "big".getBytes(StandardCharsets.UTF_8);
    int bigTokens = TokenVectors.MAX_TOKENS; // × dim > MAX_FLOATS: a bad document, skipped by length
    long second = header + 4 + bigId.length + 4 + (long) bigTokens * dim * Float.BYTES;
    assertTrue(second > (1L << 32));
    float[] v = new float[dim];
    v[0] = 0.6f;
    v[dim - 1] = 0.8f;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(4 + bigId.length + 4).order(TokenVectorsFormat.ORDER);
      b.putInt(bigId.length).put(bigId).putInt(bigTokens).flip();
      ch.write(b, header);
      byte[] okId = "ok".getBytes(StandardCharsets.UTF_8);
      ByteBuffer r = ByteBuffer.allocate(4 + okId.length + 4 + dim * Float.BYTES).order(TokenVectorsFormat.ORDER);
      r.putInt(okId.length).put(okId).putInt(1);
      for (float x : v) {
        r.putFloat(x);
      }
      r.flip();
      ch.write(r, second);
    }
    assertEquals(2, TokenVectorsFile.countRecords(file));
    try (DocumentSource src = TokenVectorsFile.open(file)) {
      assertInstanceOf(BadDocument.class, src.next());
      SourceDocument ok = assertInstanceOf(SourceDocument.class, src.next());
      assertEquals("ok", ok.id());
      assertEquals(2, ok.line());
      assertArrayEquals(v, ok.vectors().values());
      assertTrue(!src.hasNext());
    }
  }

  /** The centroid rule on token counts past 2^31 and 2^40: no overflow, monotone, capped by the sample. */
  @Test
  void centroidRuleHoldsPastIntRange() {
    long beyondInt = (1L << 31) + 12_345;
    int big = CodebookTrainer.autoNumCentroids(beyondInt, Integer.MAX_VALUE);
    // 4·√(2^31) ≈ 185 364 → 2^17
    assertEquals(1 << 17, big);
    assertEquals(1 << 22, CodebookTrainer.autoNumCentroids(1L << 40, Integer.MAX_VALUE));
    // clamped (not wrapped) to 2^30, then lowered to the (2^31 - 1)-row sample / 32
    assertEquals(1 << 25, CodebookTrainer.autoNumCentroids(Long.MAX_VALUE, Integer.MAX_VALUE));
    // the default 2^18-vector sample caps it at 2^18 / 32 centroids
    assertEquals(8192, CodebookTrainer.autoNumCentroids(beyondInt, 1 << 18));
    assertEquals(8192, CodebookTrainer.autoNumCentroids(100_000_000L, 1 << 18));
    assertEquals(2048, CodebookTrainer.autoNumCentroids(1_000_000L, 1 << 18));
    int previous = 0;
    for (long t = 1; t > 0 && t < Long.MAX_VALUE / 4; t *= 4) {
      int k = CodebookTrainer.autoNumCentroids(t, Integer.MAX_VALUE);
      assertTrue(k >= previous, t + " tokens: " + k + " < " + previous);
      previous = k;
    }
  }
}

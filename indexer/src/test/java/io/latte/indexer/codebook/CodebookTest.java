package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.vector.VectorKernels;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodebookTest {

  static final int IN = 64;
  static final int ROWS = 3000;
  static final float[] SAMPLE = TestData.clustered(new Random(50), 60, ROWS / 60, IN, 1.0, null, null);

  static Codebook train(int projectionDim, int bits) {
    return CodebookTrainer.train(
        SAMPLE, ROWS, IN,
        CodebookTrainer.Options.defaults().withNumCentroids(64).withBits(bits)
            .withProjectionDim(projectionDim).withThreads(2).withIterations(5),
        null);
  }

  @Test
  void encodeDecodeWithinBoundWithAndWithoutProjection() {
    for (int projectionDim : new int[] {0, 32}) {
      for (int bits : new int[] {1, 2, 4}) {
        Codebook cb = train(projectionDim, bits);
        int dim = cb.dim();
        assertEquals(projectionDim == 0 ? IN : projectionDim, dim);
        int[] centroids = new int[ROWS];
        byte[] codes = new byte[ROWS * cb.bytesPerVector()];
        cb.encodeAll(SAMPLE, ROWS, cb.exactAssigner(2), centroids, codes);
        double err = 0;
        for (int i = 0; i < ROWS; i++) {
          float[] v = java.util.Arrays.copyOfRange(SAMPLE, i * IN, (i + 1) * IN);
          Codebook.Encoded one = cb.encode(v);
          assertEquals(centroids[i], one.centroid());
          assertArrayEquals(
              java.util.Arrays.copyOfRange(codes, i * cb.bytesPerVector(), (i + 1) * cb.bytesPerVector()),
              one.codes());
          float[] x = cb.project(v);
          float[] back = cb.decode(one.centroid(), one.codes());
          if (cb.storesScale()) {
            // The bound is the quantiser's: check it on the unscaled reconstruction.
            float s = cb.scale(one.codes(), 0);
            for (int d = 0; d < dim; d++) {
              back[d] /= s;
            }
          }
          for (int d = 0; d < dim; d++) {
            float e = Math.abs(x[d] - back[d]);
            // Every sample row trained the quantizer, so each value lies inside its training range.
            assertTrue(e <= cb.quantizer().errorBound(d) + 1e-5f, "dim " + d + " err " + e);
            err += e * e;
          }
        }
        QuantizationError qe = QuantizationError.measure(cb, SAMPLE, ROWS, 2);
        assertEquals(err / ROWS, qe.meanSquaredError(), 1e-6);
        assertEquals(cb.trainingError(), qe.meanSquaredError(), 1e-6);
        if (projectionDim == 0) {
          assertEquals(0.0, qe.meanProjectionLoss());
        } else {
          assertTrue(qe.meanProjectionLoss() > 0);
        }
        if (bits == 2 && projectionDim == 0) {
          System.out.printf("codebook 64-d K=64 b=2: relative error %.4f, mean centroid sim %.3f%n",
              qe.relativeError(), qe.meanCentroidSimilarity());
        }
      }
    }
  }

  @Test
  void centroidScoresMatchTheAssignerBitForBit() {
    Codebook cb = train(32, 2);
    int n = 100;
    float[] x = cb.projection().get().applyAll(SAMPLE, n);
    int[] assigned = new int[n];
    float[] sims = new float[n];
    cb.exactAssigner(1).assign(x, n, assigned, sims);
    float[] scores = new float[n * cb.numCentroids()];
    cb.scoreCentroids(x, n, scores, 0);
    for (int i = 0; i < n; i++) {
      assertEquals(sims[i], scores[i * cb.numCentroids() + assigned[i]], 0f);
      for (int c = 0; c < cb.numCentroids(); c++) {
        assertTrue(scores[i * cb.numCentroids() + c] <= sims[i]);
        assertEquals(TestData.dot(x, i * cb.dim(), cb.centroids(), c * cb.dim(), cb.dim()),
            scores[i * cb.numCentroids() + c], 1e-5);
      }
    }
  }

  @Test
  void serialisationRoundTrip(@TempDir Path dir) throws IOException {
    for (int projectionDim : new int[] {0, 32}) {
      Codebook cb = train(projectionDim, 2);
      Path file = dir.resolve("codebook-" + projectionDim + ".bin");
      cb.write(file);
      cb.write(file); // overwrite in place
      Codebook back = Codebook.read(file);
      assertEquals(cb.inputDim(), back.inputDim());
      assertEquals(cb.dim(), back.dim());
      assertEquals(cb.numCentroids(), back.numCentroids());
      assertEquals(cb.bits(), back.bits());
      assertEquals(cb.trainingError(), back.trainingError());
      assertArrayEquals(cb.centroids(), back.centroids());
      assertEquals(cb.projection().isPresent(), back.projection().isPresent());
      cb.projection().ifPresent(p -> assertArrayEquals(p.matrix(), back.projection().get().matrix()));
      for (int i = 0; i < 50; i++) {
        float[] v = java.util.Arrays.copyOfRange(SAMPLE, i * IN, (i + 1) * IN);
        Codebook.Encoded a = cb.encode(v);
        Codebook.Encoded b = back.encode(v);
        assertEquals(a.centroid(), b.centroid());
        assertArrayEquals(a.codes(), b.codes());
        assertArrayEquals(cb.decode(a.centroid(), a.codes()), back.decode(b.centroid(), b.codes()));
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("codebook-0.bin", "codebook-32.bin"), names, "no temp files left");
    }
  }

  @Test
  void corruptedByteFailsChecksum(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cb.bin");
    train(0, 2).write(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    CorruptIndexException e = assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    assertTrue(e.getMessage().contains("checksum failed"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  @Test
  void wrongVersionIsRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cb.bin");
    train(0, 2).write(file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Codebook.FORMAT_VERSION + 1);
    Files.write(file, bytes);
    IndexFormatTooNewException e = assertThrows(IndexFormatTooNewException.class, () -> Codebook.read(file));
    assertTrue(e.getMessage().contains("4 (needs to be between 1 and 3)"), e.getMessage());
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0);
    Files.write(file, bytes);
    assertThrows(IndexFormatTooOldException.class, () -> Codebook.read(file));
  }

  @Test
  void truncatedOrForeignFilesAreRejected(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cb.bin");
    train(0, 2).write(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, 20));
    CorruptIndexException e = assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 8));
    assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    bytes[0] = 'X';
    Files.write(file, bytes);
    e = assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    assertTrue(e.getMessage().contains("magic"), e.getMessage());
  }

  /** Unit-length unclustered vectors: what the encoders emit. */
  static float[] unitSample(Random rnd, int rows, int dim) {
    float[] x = new float[rows * dim];
    for (int r = 0; r < rows; r++) {
      double n2 = 0;
      for (int d = 0; d < dim; d++) {
        x[r * dim + d] = (float) (rnd.nextGaussian() + (d < 4 ? 2 : 0));
        n2 += x[r * dim + d] * x[r * dim + d];
      }
      for (int d = 0; d < dim; d++) {
        x[r * dim + d] /= (float) Math.sqrt(n2);
      }
    }
    return x;
  }

  static Codebook trainOn(float[] sample, int projectionDim, boolean tokenScale) {
    return CodebookTrainer.train(sample, sample.length / IN, IN,
        CodebookTrainer.Options.defaults().withNumCentroids(16).withBits(2).withProjectionDim(projectionDim)
            .withThreads(2).withIterations(5).withTokenScale(tokenScale), null);
  }

  @Test
  void tokenScaleIsTheStoredLengthRatioOfTheDecoding(@TempDir Path dir) throws IOException {
    float[] sample = unitSample(new Random(7), 2000, IN);
    for (int projection : new int[] {0, 32}) {
      Codebook trained = trainOn(sample, projection, true);
      Path file = dir.resolve("cb" + projection + ".bin");
      trained.write(file);
      Codebook cb = Codebook.read(file);
      assertTrue(cb.storesScale());
      assertEquals(cb.residualBytes() + 1, cb.bytesPerVector());
      float[] q = cb.project(java.util.Arrays.copyOfRange(sample, 5 * IN, 6 * IN));
      for (int i = 0; i < 50; i++) {
        float[] v = java.util.Arrays.copyOfRange(sample, i * IN, (i + 1) * IN);
        float[] x = cb.project(v);
        Codebook.Encoded e = cb.encode(v);
        float[] back = cb.decode(e.centroid(), e.codes());
        float[] raw = cb.quantizer().decode(java.util.Arrays.copyOf(e.codes(), cb.residualBytes()));
        VectorKernels.addTo(cb.centroidsNoCopy(), e.centroid() * cb.dim(), raw, 0, cb.dim());
        // the stored factor is |x| / |d| of the unscaled decoding d, to the byte's resolution
        double ratio = Math.sqrt(VectorKernels.dot(x, x) / VectorKernels.dot(raw, raw));
        float s = cb.scale(e.codes(), 0);
        assertEquals(ratio, s, ratio * 0.0009, "token " + i);
        // decode applies it, and centroid score + residual times it is the decoded similarity
        for (int d = 0; d < cb.dim(); d++) {
          assertEquals(raw[d] * s, back[d], 1e-6f);
        }
        assertEquals(VectorKernels.dot(q, back), VectorKernels.dot(q, raw) * s, 1e-5);
        // the decoded vector has the token's length (unit without a projection)
        assertEquals(Math.sqrt(VectorKernels.dot(x, x)), Math.sqrt(VectorKernels.dot(back, back)), 0.0009);
        if (projection == 0) {
          assertEquals(1.0, Math.sqrt(VectorKernels.dot(back, back)), 0.0009);
        }
      }
    }
  }

  @Test
  void scaleBytesCoverTheRangeInSmallSteps() {
    float previous = 0;
    for (int b = 0; b < 256; b++) {
      float f = TokenScale.factor((byte) b);
      assertTrue(f > previous);
      assertEquals(b, TokenScale.encode(f) & 0xFF);
      previous = f;
    }
    assertEquals(1f / TokenScale.MAX, TokenScale.factor((byte) 0), 1e-6);
    assertEquals(TokenScale.MAX, TokenScale.factor((byte) 255), 1e-6);
    for (double s = 0.81; s < 1.24; s += 0.0123) {
      assertEquals(s, TokenScale.factor(TokenScale.encode(s)), s * 0.0009);
    }
    assertEquals(0, TokenScale.encode(0.1) & 0xFF);
    assertEquals(255, TokenScale.encode(9) & 0xFF);
    assertEquals(255, TokenScale.encode(Double.NaN) & 0xFF);
  }

  @Test
  void withoutTokenScaleTheCodesAreTheResidualOnly() {
    Codebook cb = trainOn(unitSample(new Random(8), 2000, IN), 0, false);
    assertTrue(!cb.storesScale());
    assertEquals(cb.residualBytes(), cb.bytesPerVector());
    assertEquals(1f, cb.scale(new byte[cb.bytesPerVector()], 0));
    assertEquals(1f, cb.maxScale());
    // on by default
    assertTrue(CodebookTrainer.train(unitSample(new Random(9), 2000, IN), 2000, IN,
        CodebookTrainer.Options.defaults().withNumCentroids(16).withIterations(2), null).storesScale());
  }

  @Test
  void olderVersionsAreReadWithoutScalesAndUnitLengthDecodingIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cb.bin");
    Codebook cb = trainOn(unitSample(new Random(10), 2000, IN), 0, true);
    cb.write(file);
    byte[] bytes = Files.readAllBytes(file);
    for (int version : new int[] {1, 2}) {
      rewrite(file, bytes, version, 0);
      Codebook old = Codebook.read(file);
      assertTrue(!old.storesScale());
      assertArrayEquals(cb.centroidsNoCopy(), old.centroidsNoCopy());
      // flag bit 3 is version 3's
      rewrite(file, bytes, version, 8);
      assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    }
    rewrite(file, bytes, 1, 4);
    assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
    rewrite(file, bytes, 2, 4); // version 2's unit-length decoding: no scale bytes in its index
    IndexFormatTooOldException e = assertThrows(IndexFormatTooOldException.class, () -> Codebook.read(file));
    assertTrue(e.getMessage().contains("rebuild the index"), e.getMessage());
  }

  /** Writes {@code original} with another version and flags beyond projection/pooling, CRC fixed. */
  private static void rewrite(Path file, byte[] original, int version, int flags) throws IOException {
    byte[] bytes = original.clone();
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, version);
    b.putInt(24, (b.getInt(24) & 3) | flags);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    b.putInt(bytes.length - 4, (int) crc.getValue());
    Files.write(file, bytes);
  }
}

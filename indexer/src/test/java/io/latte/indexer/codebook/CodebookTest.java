package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
          if (cb.normalizesDecoded()) {
            // The bound is the quantiser's: check it on the unscaled reconstruction.
            float s = cb.decodedScale(one.centroid(), one.codes(), 0, new float[dim]);
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
    assertTrue(e.getMessage().contains("3 (needs to be between 1 and 2)"), e.getMessage());
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

  static Codebook trainOn(float[] sample, int projectionDim) {
    return CodebookTrainer.train(sample, sample.length / IN, IN,
        CodebookTrainer.Options.defaults().withNumCentroids(16).withBits(2).withProjectionDim(projectionDim)
            .withThreads(2).withIterations(5).withUnitLengthDecoding(true), null);
  }

  @Test
  void unitLengthSampleDecodesToUnitLengthAndScaleMatchesDecode(@TempDir Path dir) throws IOException {
    float[] sample = unitSample(new Random(7), 2000, IN);
    Codebook cb = trainOn(sample, 0);
    assertTrue(cb.normalizesDecoded());
    Path file = dir.resolve("cb.bin");
    cb.write(file);
    Codebook read = Codebook.read(file);
    assertTrue(read.normalizesDecoded());
    float[] scratch = new float[IN];
    float[] q = java.util.Arrays.copyOfRange(sample, 5 * IN, 6 * IN);
    for (int i = 0; i < 50; i++) {
      Codebook.Encoded e = read.encode(java.util.Arrays.copyOfRange(sample, i * IN, (i + 1) * IN));
      float[] back = read.decode(e.centroid(), e.codes());
      assertEquals(1.0, Math.sqrt(io.latte.indexer.vector.VectorKernels.dot(back, back)), 1e-5);
      // centroid score + residual, scaled, equals the similarity with the decoded vector
      float[] raw = read.quantizer().decode(e.codes());
      io.latte.indexer.vector.VectorKernels.addTo(read.centroidsNoCopy(), e.centroid() * IN, raw, 0, IN);
      float scaled = io.latte.indexer.vector.VectorKernels.dot(q, raw) * read.decodedScale(e.centroid(), e.codes(), 0, scratch);
      assertEquals(io.latte.indexer.vector.VectorKernels.dot(q, back), scaled, 1e-5);
      // the squared-length tables give the same squared length as decoding
      float[] tables = new float[32 * read.bytesPerVector()];
      float length2 = read.squaredLengthTables(e.centroid(), tables);
      for (int t = 0; t < read.bytesPerVector(); t++) {
        int c = e.codes()[t] & 0xFF;
        length2 += tables[32 * t + (c >>> 4)] + tables[32 * t + 16 + (c & 0x0F)];
      }
      assertEquals(io.latte.indexer.vector.VectorKernels.dot(raw, raw), length2, 1e-5);
    }
    assertEquals(Codebook.MAX_DECODE_SCALE, Codebook.scaleForSquaredLength(0f));
    assertEquals(1f / Codebook.MAX_DECODE_SCALE, Codebook.scaleForSquaredLength(100f));
    assertEquals(1f / 1.1f, Codebook.scaleForSquaredLength(1.21f), 1e-6);
  }

  @Test
  void otherSamplesAndProjectionsKeepTheRawDecoding() {
    float[] sample = unitSample(new Random(8), 2000, IN);
    for (int i = 0; i < IN; i++) {
      sample[3 * IN + i] *= 1.01f; // one vector 1 % too long: not a unit-length encoder
    }
    Codebook cb = trainOn(sample, 0);
    assertTrue(!cb.normalizesDecoded());
    assertEquals(1f, cb.decodedScale(0, new byte[cb.bytesPerVector()], 0, new float[IN]));
    assertTrue(!trainOn(unitSample(new Random(9), 2000, IN), 32).normalizesDecoded());
    // off unless asked for
    float[] unit = unitSample(new Random(9), 2000, IN);
    assertTrue(!CodebookTrainer.train(unit, 2000, IN, CodebookTrainer.Options.defaults().withNumCentroids(16)
        .withIterations(2), null).normalizesDecoded());
  }

  @Test
  void versionOneFilesAreReadWithoutScaling(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cb.bin");
    Codebook cb = trainOn(unitSample(new Random(10), 2000, IN), 0);
    cb.write(file);
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, 1);
    b.putInt(24, b.getInt(24) & ~4);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    b.putInt(bytes.length - 4, (int) crc.getValue());
    Files.write(file, bytes);
    Codebook old = Codebook.read(file);
    assertTrue(!old.normalizesDecoded());
    assertArrayEquals(cb.centroidsNoCopy(), old.centroidsNoCopy());
    // Flag bit 2 is not a version-1 flag.
    b.putInt(24, b.getInt(24) | 4);
    crc.reset();
    crc.update(bytes, 0, bytes.length - 4);
    b.putInt(bytes.length - 4, (int) crc.getValue());
    Files.write(file, bytes);
    assertThrows(CorruptIndexException.class, () -> Codebook.read(file));
  }
}

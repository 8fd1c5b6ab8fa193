package io.latte.searcher.xtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codebook.CodebookTrainer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scan's scales, from codes in block layout, against the codebook's own decode. */
class DecodedScalesTest {
  static final int DIM = 32;

  static Codebook train(float[] sample, int projection) {
    return CodebookTrainer.train(sample, sample.length / DIM, DIM, CodebookTrainer.Options.defaults()
        .withNumCentroids(8).withBits(2).withProjectionDim(projection).withThreads(1).withIterations(5).withUnitLengthDecoding(true), null);
  }

  static float[] unitRows(Random rnd, int rows) {
    float[] x = new float[rows * DIM];
    for (int r = 0; r < rows; r++) {
      double n2 = 0;
      for (int d = 0; d < DIM; d++) {
        x[r * DIM + d] = (float) rnd.nextGaussian() + (d < 3 ? 1.5f : 0f);
        n2 += x[r * DIM + d] * x[r * DIM + d];
      }
      for (int d = 0; d < DIM; d++) {
        x[r * DIM + d] /= (float) Math.sqrt(n2);
      }
    }
    return x;
  }

  @Test
  void scalesFromABlockEqualTheCodebooksAndBoundTheScaledSimilarity() {
    Random rnd = new Random(3);
    float[] sample = unitRows(rnd, 1500);
    Codebook cb = train(sample, 0);
    DecodedScales scales = DecodedScales.of(cb);
    assertTrue(scales != null);
    int bytes = cb.bytesPerVector();
    byte[] block = new byte[FastScanKernel.BLOCK * bytes];
    float[] scratch = new float[DIM];
    float[] q = Arrays.copyOfRange(unitRows(rnd, 1), 0, DIM);
    for (int i = 0; i < FastScanKernel.BLOCK; i++) {
      Codebook.Encoded e = cb.encode(Arrays.copyOfRange(sample, i * DIM, (i + 1) * DIM));
      for (int t = 0; t < bytes; t++) {
        block[t * FastScanKernel.BLOCK + i] = e.codes()[t];
      }
      float expected = cb.decodedScale(e.centroid(), e.codes(), 0, scratch);
      assertEquals(expected, scales.scale(e.centroid(), block, i), 1e-5f, "token " + i);
      assertTrue(expected >= 1 / Codebook.MAX_DECODE_SCALE && expected <= Codebook.MAX_DECODE_SCALE);
      // The kernel's bound: a token whose unscaled similarity is at or below unscaledBound(b) has a
      // scaled similarity at or below b, for any b.
      float raw = dot(q, rawDecode(cb, e));
      float scaled = raw * expected;
      for (float b : new float[] {-0.7f, -0.1f, 0f, 0.05f, 0.3f, 0.9f}) {
        if (raw <= DecodedScales.unscaledBound(b)) {
          assertTrue(scaled <= b, "bound " + b + " raw " + raw + " scaled " + scaled);
        }
      }
      assertTrue(scaled >= DecodedScales.scaledLow(raw) - 1e-6f && scaled <= DecodedScales.scaledHigh(raw) + 1e-6f);
    }
  }

  @Test
  void noScalesWithoutUnitLengthDecoding() {
    float[] sample = unitRows(new Random(4), 1500);
    assertNull(DecodedScales.of(train(sample, 16)), "a projection keeps the raw decoding");
  }

  static float[] rawDecode(Codebook cb, Codebook.Encoded e) {
    float[] v = cb.quantizer().decode(e.codes());
    float[] centroids = cb.centroids();
    for (int d = 0; d < DIM; d++) {
      v[d] += centroids[e.centroid() * DIM + d];
    }
    return v;
  }

  static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}

package io.latte.indexer.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.vector.VectorKernels;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualScorerTest {

  @Test
  void lookupTablesEqualDecodeThenDot() {
    Random r = new Random(40);
    for (int bits : new int[] {1, 2, 4}) {
      for (int dim : new int[] {128, 384}) {
        int k = 16;
        int rows = 500;
        float[] residuals = ResidualQuantizerTest.skewed(r, rows, dim);
        ResidualQuantizer q =
            ResidualQuantizer.train(residuals, rows, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION);
        float[] centroids = TestData.gaussian(r, k, dim, 1);
        TestData.normalizeRows(centroids, k, dim);
        Codebook cb = new Codebook(dim, null, centroids, k, q, Float.NaN);
        ResidualScorer scorer = new ResidualScorer(q);
        int bpv = q.bytesPerVector();
        int tokens = 50;
        byte[] codes = new byte[tokens * bpv + 3];
        r.nextBytes(codes);
        float[] many = new float[tokens];
        for (int t = 0; t < 5; t++) {
          float[] query = TestData.gaussian(r, 1, dim, 1);
          TestData.normalizeRows(query, 1, dim);
          scorer.setQuery(query, 0);
          scorer.scoreMany(codes, 3, tokens, many, 0);
          for (int i = 0; i < tokens; i++) {
            int c = r.nextInt(k);
            float[] decoded = new float[dim];
            cb.decode(c, codes, 3 + i * bpv, decoded, 0);
            float expected = VectorKernels.dot(query, decoded);
            float viaLut = VectorKernels.dot(query, 0, centroids, c * dim, dim) + scorer.score(codes, 3 + i * bpv);
            assertEquals(expected, viaLut, 1e-4, "bits " + bits + " dim " + dim);
            assertEquals(scorer.score(codes, 3 + i * bpv), many[i], 0f);
          }
        }
      }
    }
  }

  @Test
  void nibbleTablesEqualTheDirectFormulaAtEveryWidth() {
    Random r = new Random(42);
    for (int bits : new int[] {1, 2, 4}) {
      int dim = 24;
      ResidualQuantizer q = ResidualQuantizer.train(
          ResidualQuantizerTest.skewed(r, 300, dim), 300, dim, bits, ResidualQuantizer.Mode.PER_DIMENSION);
      float[] query = TestData.gaussian(r, 2, dim, 1);
      int outOff = 5;
      float[] out = new float[outOff + q.bytesPerVector() * 32];
      ResidualScorer.nibbleTables(q, query, dim, out, outOff); // the second row, at an offset
      int perNibble = 4 / bits;
      for (int j = 0; j < 2 * q.bytesPerVector(); j++) {
        for (int n = 0; n < 16; n++) {
          float s = 0f;
          for (int i = 0; i < perNibble; i++) {
            int code = (n >>> (4 - bits * (i + 1))) & ((1 << bits) - 1);
            int d = j * perNibble + i;
            s += query[dim + d] * q.weight(d, code);
          }
          assertEquals(s, out[outOff + j * 16 + n], 0f, "bits " + bits + " table " + j + " entry " + n);
        }
      }
    }
  }

  @Test
  void nibbleTablesNameTooShortOutput() {
    ResidualQuantizer q = ResidualQuantizer.train(
        TestData.gaussian(new Random(41), 100, 16, 1), 100, 16, 2, ResidualQuantizer.Mode.PER_DIMENSION);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResidualScorer.nibbleTables(q, new float[16], 0, new float[q.bytesPerVector() * 32 - 1], 0));
    assertTrue(e.getMessage().contains("out needs " + q.bytesPerVector() * 32), e.getMessage());
  }
}

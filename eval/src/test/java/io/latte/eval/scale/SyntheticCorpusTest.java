package io.latte.eval.scale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.eval.encode.EncodedCorpus;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenVectors;
import io.latte.indexer.input.TokenVectorsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic corpus is deterministic, streamed, made of unit vectors at the asked similarity to
 * real tokens (never copies of them), with document lengths taken from the real corpus.
 */
class SyntheticCorpusTest {
  static final int DIM = 32;

  @TempDir Path tmp;

  /** A stand-in "real" corpus: clustered unit vectors, documents of 5..40 tokens. */
  static EncodedCorpus real() {
    Random r = new Random(3);
    float[][] centres = new float[8][DIM];
    for (float[] c : centres) {
      for (int k = 0; k < DIM; k++) {
        c[k] = (float) r.nextGaussian();
      }
    }
    List<float[]> tokens = new ArrayList<>();
    for (int d = 0; d < 50; d++) {
      int n = 5 + r.nextInt(36);
      float[] v = new float[n * DIM];
      for (int t = 0; t < n; t++) {
        float[] c = centres[r.nextInt(centres.length)];
        double norm = 0;
        for (int k = 0; k < DIM; k++) {
          v[t * DIM + k] = c[k] + (float) (0.3 * r.nextGaussian());
          norm += v[t * DIM + k] * v[t * DIM + k];
        }
        for (int k = 0; k < DIM; k++) {
          v[t * DIM + k] /= (float) Math.sqrt(norm);
        }
      }
      tokens.add(v);
    }
    return corpusOf(tokens);
  }

  /** Documents {@code r0, r1, …} with these token matrices (pooled vectors unused: zero). */
  static EncodedCorpus corpusOf(List<float[]> tokens) {
    List<String> ids = new ArrayList<>();
    List<float[]> pooled = new ArrayList<>();
    for (int d = 0; d < tokens.size(); d++) {
      ids.add("r" + d);
      pooled.add(new float[DIM]);
    }
    return new EncodedCorpus("test-model", "abc", DIM, ids, tokens, pooled);
  }

  @Test
  void deterministicPerDocumentAndStreamedInOrder() throws Exception {
    EncodedCorpus real = real();
    SyntheticCorpus a = new SyntheticCorpus(real, SyntheticCorpus.Options.defaults(11, 500));
    SyntheticCorpus b = new SyntheticCorpus(real, SyntheticCorpus.Options.defaults(11, 500));
    assertArrayEquals(a.document(499).values(), b.document(499).values(), "same seed, same document, any order");
    assertArrayEquals(a.document(7).values(), b.document(7).values());
    SyntheticCorpus other = new SyntheticCorpus(real, SyntheticCorpus.Options.defaults(12, 500));
    assertFalse(java.util.Arrays.equals(a.document(7).values(), other.document(7).values()), "another seed");

    long n = 0;
    try (DocumentSource s = a.source()) {
      assertEquals(500, s.expectedRecords());
      while (s.hasNext()) {
        SourceDocument d = (SourceDocument) s.next();
        assertEquals(SyntheticCorpus.idOf(n), d.id());
        assertEquals(n + 1, d.line());
        if (n % 97 == 0) {
          assertArrayEquals(a.document(n).values(), d.vectors().values());
        }
        n++;
      }
      assertEquals(a.source().fingerprint(), s.fingerprint());
    }
    assertEquals(500, n);

    Path file = tmp.resolve("s.vec");
    long tokens = a.writeTo(file);
    try (TokenVectorsFile f = TokenVectorsFile.open(file)) {
      SourceDocument first = (SourceDocument) f.next();
      assertEquals("s0", first.id());
      assertArrayEquals(a.document(0).values(), first.vectors().values());
    }
    assertEquals(500, TokenVectorsFile.countRecords(file));
    assertTrue(tokens > 500 * 5);
  }

  @Test
  void theIndexerBuildsAnIndexFromTheStream() throws Exception {
    SyntheticCorpus s = new SyntheticCorpus(real(), SyntheticCorpus.Options.defaults(1, 300));
    Path index = tmp.resolve("idx");
    io.latte.indexer.build.BuildSummary summary;
    try (DocumentSource src = s.source()) {
      summary = io.latte.indexer.build.IndexBuilder.build(index, src,
          io.latte.indexer.input.TokenEmbedder.precomputed(io.latte.indexer.input.ModelIdentity.precomputed("synthetic", DIM)),
          io.latte.indexer.build.BuildOptions.builder().numCentroids(16).trainingThreads(1).build(), null);
    }
    assertEquals(300, summary.documentsWritten());
    long tokens = 0;
    for (long i = 0; i < 300; i++) {
      tokens += s.document(i).tokenCount();
    }
    assertEquals(tokens, summary.tokensWritten());
    assertEquals(0, summary.badDocuments());
  }

  @Test
  void tokensAreUnitVectorsNearRealOnesButNeverCopies() {
    EncodedCorpus real = real();
    double target = 0.9;
    SyntheticCorpus s = new SyntheticCorpus(real, new SyntheticCorpus.Options(5, 200, target));
    double sumBest = 0;
    int count = 0;
    java.util.Set<Integer> lengths = new java.util.HashSet<>();
    for (long i = 0; i < 200; i++) {
      TokenVectors v = s.document(i);
      assertTrue(v.tokenCount() >= 1, "never empty");
      lengths.add(v.tokenCount());
      for (int t = 0; t < v.tokenCount(); t += 3) {
        double norm = 0;
        for (int k = 0; k < DIM; k++) {
          norm += v.values()[t * DIM + k] * v.values()[t * DIM + k];
        }
        assertEquals(1, norm, 1e-4);
        double best = bestRealCosine(real, v.values(), t);
        assertTrue(best < 0.9999, "never a copy of a real token: " + best);
        sumBest += best;
        count++;
      }
    }
    assertTrue(lengths.size() > 10, "lengths vary like the real ones: " + lengths);
    // The best real match is at least the token it was made from (≈ target), rarely much more.
    double mean = sumBest / count;
    assertTrue(mean > target - 0.03 && mean < target + 0.06, "mean best cosine to a real token " + mean);
    assertThrows(IndexOutOfBoundsException.class, () -> s.document(200));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticCorpus.Options(1, 10, 1.0));
    assertNotEquals(SyntheticCorpus.mix(1, 2), SyntheticCorpus.mix(1, 3));
  }

  /**
   * Each epoch (as many documents as the real corpus) uses every real token exactly once: its
   * documents hold exactly the real corpus's tokens, and each synthetic token's nearest real token
   * is a different one (no sibling copies).
   */
  @Test
  void everyRealTokenOncePerEpoch() {
    EncodedCorpus real = real();
    int n = real.size();
    SyntheticCorpus s = new SyntheticCorpus(real, new SyntheticCorpus.Options(9, 3L * n, 0.99));
    for (int epoch = 0; epoch < 3; epoch++) {
      java.util.Set<Long> used = new java.util.HashSet<>();
      long tokens = 0;
      for (long i = (long) epoch * n; i < (long) (epoch + 1) * n; i++) {
        TokenVectors v = s.document(i);
        tokens += v.tokenCount();
        for (int t = 0; t < v.tokenCount(); t++) {
          assertTrue(used.add(nearestReal(real, v.values(), t)), "a real token used twice in epoch " + epoch);
        }
      }
      assertEquals(real.totalTokens(), tokens);
    }
    for (long m : new long[] {1, 2, 3, 50, 1000, 1L << 20}) {
      java.util.Set<Long> seen = new java.util.HashSet<>();
      for (long x = 0; x < Math.min(m, 5000); x++) {
        long p = SyntheticCorpus.permute(x, m, 77);
        assertTrue(p >= 0 && p < m && seen.add(p), "a permutation of [0, " + m + ")");
      }
    }
  }

  /**
   * The noise varies the way the real tokens do: on a corpus whose tokens lie in the span of 4 of
   * the 32 dimensions, the pool's energy lies there too (isotropic Gaussians would put 4 / 32 of it
   * there), scaled to the mean squared norm of a standard Gaussian, the same for the same seed.
   */
  @Test
  void noiseFollowsTheRealTokensVariation() {
    Random r = new Random(8);
    List<float[]> tokens = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      int n = 3 + r.nextInt(20);
      float[] v = new float[n * DIM];
      for (int t = 0; t < n; t++) {
        double norm = 0;
        for (int k = 0; k < 4; k++) {
          v[t * DIM + k] = (float) r.nextGaussian();
          norm += v[t * DIM + k] * v[t * DIM + k];
        }
        for (int k = 0; k < 4; k++) {
          v[t * DIM + k] /= (float) Math.sqrt(norm);
        }
      }
      tokens.add(v);
    }
    EncodedCorpus real = corpusOf(tokens);
    float[] pool = SyntheticCorpus.neighbourDifferences(real, new java.util.SplittableRandom(5));
    assertEquals(SyntheticCorpus.NOISE_POOL * DIM, pool.length);
    double total = 0;
    double inSpan = 0;
    for (int i = 0; i < pool.length; i++) {
      total += (double) pool[i] * pool[i];
      if (i % DIM < 4) {
        inSpan += (double) pool[i] * pool[i];
      }
    }
    assertEquals(DIM, total / SyntheticCorpus.NOISE_POOL, 1e-3 * DIM, "mean squared norm of a standard Gaussian");
    assertEquals(1.0, inSpan / total, 1e-9, "all of the energy in the real tokens' span");
    assertArrayEquals(pool, SyntheticCorpus.neighbourDifferences(real, new java.util.SplittableRandom(5)));
  }

  /** The codebook sample skips documents without generating them, and the stream stays in step. */
  @Test
  void skipPassesOverDocumentsInStep() {
    SyntheticCorpus s = new SyntheticCorpus(real(), SyntheticCorpus.Options.defaults(4, 5));
    try (DocumentSource src = s.source()) {
      assertEquals(1, src.skip());
      assertEquals(2, src.skip());
      SourceDocument third = (SourceDocument) src.next();
      assertEquals(SyntheticCorpus.idOf(2), third.id());
      assertEquals(3, third.line());
      assertArrayEquals(s.document(2).values(), third.vectors().values());
      assertEquals(4, src.skip());
      assertEquals(5, src.skip());
      assertEquals(-1, src.skip());
      assertFalse(src.hasNext());
    }
  }

  /** (document << 32 | token) of the real token most similar to token {@code t} of {@code v}. */
  private static long nearestReal(EncodedCorpus real, float[] v, int t) {
    double best = -2;
    long arg = -1;
    for (int d = 0; d < real.size(); d++) {
      for (int u = 0; u < real.tokenCount(d); u++) {
        double dot = dot(v, t, real.tokens(d), u);
        if (dot > best) {
          best = dot;
          arg = ((long) d << 32) | u;
        }
      }
    }
    return arg;
  }

  private static double bestRealCosine(EncodedCorpus real, float[] v, int t) {
    long at = nearestReal(real, v, t);
    return dot(v, t, real.tokens((int) (at >>> 32)), (int) at);
  }

  private static double dot(float[] v, int t, float[] r, int u) {
    double dot = 0;
    for (int k = 0; k < DIM; k++) {
      dot += v[t * DIM + k] * r[u * DIM + k];
    }
    return dot;
  }

  /** A corpus of more than 2^31 documents is addressed by long positions: nothing wraps or is materialised. */
  @Test
  void documentsPastIntRange() {
    long n = (1L << 31) + 100;
    SyntheticCorpus c = new SyntheticCorpus(real(), SyntheticCorpus.Options.defaults(3, n));
    assertEquals(n, c.documents());
    long last = n - 1;
    assertEquals("s" + last, c.id(last));
    assertArrayEquals(c.document(last).values(), c.document(last).values());
    assertFalse(java.util.Arrays.equals(c.document(last).values(), c.document(last - (1L << 31)).values()),
        "position 2^31 + i is not position i");
    assertEquals(n, c.source().expectedRecords());
  }
}

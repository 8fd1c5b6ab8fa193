package io.latte.eval.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.eval.encode.EncodedCorpus;
import org.junit.jupiter.api.Test;

/**
 * The validation measures tell a faithful generator from a bad one, on the clustered stand-in corpus:
 * the real corpus against itself is within tolerance, and so is a lightly perturbed copy, while
 * tokens pushed far from the real ones fail the nearest-neighbour measure.
 */
class CorpusStatsTest {
  @Test
  void closeCorpusPassesAndFarCorpusFails() {
    EncodedCorpus real = SyntheticCorpusTest.real();
    RealCorpus reference = new RealCorpus(real);

    CorpusStats.Comparison self = CorpusStats.compare(reference, reference, 4096, 8, 300, 2, 11);
    assertTrue(self.within_tolerance(), self.toString());
    assertTrue(self.cluster_kl_real_vs_real() >= 0 && self.cluster_kl_real_vs_real() < 0.05, self.toString());
    assertEquals(4096, self.sample_tokens());

    SyntheticCorpus close = new SyntheticCorpus(real, new SyntheticCorpus.Options(1, real.size(), 0.99));
    CorpusStats.Comparison near = CorpusStats.compare(reference, close, 4096, 8, 300, 2, 11);
    assertTrue(near.cluster_kl() <= CorpusStats.MAX_CLUSTER_KL, near.toString());

    SyntheticCorpus far = new SyntheticCorpus(real, new SyntheticCorpus.Options(1, real.size(), 0.4));
    CorpusStats.Comparison off = CorpusStats.compare(reference, far, 4096, 8, 300, 2, 11);
    assertFalse(off.within_tolerance(), off.toString());
    assertTrue(off.nn_ks() > CorpusStats.MAX_NN_KS && off.nn_median_synthetic() < off.nn_median_real(), off.toString());
  }

  @Test
  void ksOfIdenticalSamplesIsZeroAndOfDisjointOnesOne() {
    double[] a = {0.1, 0.2, 0.3};
    assertEquals(0, CorpusStats.ks(a, a.clone()), 1e-12);
    assertEquals(1, CorpusStats.ks(a, new double[] {0.5, 0.6}), 1e-12);
  }
}

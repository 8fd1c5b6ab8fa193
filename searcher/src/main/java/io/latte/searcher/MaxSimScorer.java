package io.latte.searcher;

import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Exact MaxSim over decompressed token matrices: re-scoring of candidates ({@code colbert},
 * {@code muvera}, {@code hybrid}) and the exhaustive scan ({@code exact}). Both use the same kernel
 * and the same decompression, so "colbert with every cluster probed equals exact" holds bit for bit.
 */
final class MaxSimScorer {
  private final IndexHandle index;
  private final PackedVectors query;

  MaxSimScorer(IndexHandle index, float[] projected, int nq) {
    this.index = index;
    this.query = VectorKernels.pack(projected, 0, nq, index.codebook().dim());
  }

  /** Re-scores {@code candidates} exactly; returns the best {@code k}. */
  List<ScoredDocs.Entry> rescore(List<ScoredDocs.Entry> candidates, int k) throws IOException {
    List<ScoredDocs.Entry> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparingInt(ScoredDocs.Entry::globalDoc)); // one gatherer per segment
    ScoredDocs top = new ScoredDocs(k);
    List<LeafReaderContext> leaves = index.reader().leaves();
    DocMatrices matrices = null;
    int leafOrd = -1;
    int[] docs = new int[DocMatrices.BATCH];
    ScoredDocs.Entry[] batch = new ScoredDocs.Entry[DocMatrices.BATCH];
    for (int from = 0; from < ordered.size(); ) {
      ScoredDocs.Entry first = ordered.get(from);
      if (first.leaf() != leafOrd) {
        leafOrd = first.leaf();
        matrices = new DocMatrices(leaves.get(leafOrd).reader(), index.codebook());
      }
      // a batch of this segment's candidates, gathered together from the token layout
      int n = 0;
      while (n < batch.length && from < ordered.size() && ordered.get(from).leaf() == leafOrd) {
        batch[n] = ordered.get(from++);
        docs[n] = batch[n].doc();
        n++;
      }
      matrices.decodeAll(docs, n, (j, m) -> top.offer(batch[j].leaf(), batch[j].docBase(), batch[j].doc(), score(m)));
    }
    return top.best();
  }

  /** Scores every acceptable document of the index; returns the best {@code k}. */
  List<ScoredDocs.Entry> scanAll(Weight filter, int k) throws IOException {
    ScoredDocs top = new ScoredDocs(k);
    for (LeafReaderContext leaf : index.reader().leaves()) {
      Bits accept = AcceptDocs.of(leaf, filter);
      DocMatrices matrices = new DocMatrices(leaf.reader(), index.codebook());
      int maxDoc = leaf.reader().maxDoc();
      int[] docs = new int[DocMatrices.BATCH];
      for (int d = 0; d < maxDoc; ) {
        int n = 0;
        for (; d < maxDoc && n < docs.length; d++) {
          if (accept == null || accept.get(d)) {
            docs[n++] = d;
          }
        }
        matrices.decodeAll(docs, n, (j, m) -> {
          if (m != null) {
            top.offer(leaf.ord, leaf.docBase, docs[j], score(m));
          }
        });
      }
    }
    return top.best();
  }

  /** Per query token best similarity and the position reaching it, for explanations. */
  float explain(LeafReaderContext leaf, int doc, float[] maxOut, int[] argmaxOut) throws IOException {
    float[] m = new DocMatrices(leaf.reader(), index.codebook()).decode(doc);
    if (m == null) {
      java.util.Arrays.fill(argmaxOut, -1);
      return 0;
    }
    return VectorKernels.maxSimPerToken(query, m, m.length / index.codebook().dim(), maxOut, argmaxOut);
  }

  private float score(float[] matrix) {
    if (matrix == null) {
      return 0;
    }
    return VectorKernels.maxSim(query, matrix, matrix.length / index.codebook().dim());
  }

}

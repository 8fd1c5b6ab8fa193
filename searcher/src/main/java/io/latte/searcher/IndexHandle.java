package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.searcher.xtr.ClusterSizes;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * One point-in-time view of a latte index: the Lucene reader, the codebook and meta, and the
 * per-view statistics the searcher needs (cluster sizes for WARP imputation). Cheap to share
 * between threads; a new commit means a new handle.
 */
public final class IndexHandle {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final IndexFiles files;
  private final long[] clusterSizes;
  private final int centroidWidth;

  public IndexHandle(DirectoryReader reader, IndexFiles files) throws IOException {
    this.reader = reader;
    this.files = files;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(LatteIndexFormat.similarity());
    Codebook cb = files.codebook();
    this.centroidWidth = LatteIndexFormat.centroidBytes(cb.numCentroids());
    this.clusterSizes = new long[cb.numCentroids()];
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(LatteIndexFormat.FIELD_TOKENS);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      for (BytesRef t = te.next(); t != null; t = te.next()) {
        clusterSizes[CentroidTerms.centroid(t)] += te.totalTermFreq();
      }
    }
  }

  /** A handle over an opened index (shares its reader; closing the index invalidates the handle). */
  public static IndexHandle of(io.latte.indexer.read.LatteIndex index) throws IOException {
    return new IndexHandle(index.reader(), new IndexFiles(index.meta(), index.codebook()));
  }

  public DirectoryReader reader() {
    return reader;
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public Codebook codebook() {
    return files.codebook();
  }

  public IndexMeta meta() {
    return files.meta();
  }

  public int centroidWidth() {
    return centroidWidth;
  }

  public ClusterSizes clusterSizes() {
    return c -> clusterSizes[c];
  }
}

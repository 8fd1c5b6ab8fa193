package io.latte.searcher;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.codec.TokenLayout;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.searcher.xtr.ClusterSizes;
import java.io.IOException;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * One point-in-time view of a latte index: the Lucene reader, the codebook and meta, each segment's
 * token layout (the mapped files token retrieval scans; only their cluster directories are on the
 * heap), and the per-view statistics the searcher needs (cluster sizes for WARP imputation). Cheap to share
 * between threads; a new commit means a new handle.
 */
public final class IndexHandle {
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final IndexFiles files;
  private final long[] clusterSizes;
  private final TokenLayout[] layouts;

  public IndexHandle(DirectoryReader reader, IndexFiles files) throws IOException {
    this.reader = reader;
    this.files = files;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(LatteIndexFormat.similarity());
    Codebook cb = files.codebook();
    this.clusterSizes = new long[cb.numCentroids()];
    // The layouts were opened with their segments (nothing is read here); cluster sizes are the
    // centroid terms' total frequencies, deleted tokens included.
    this.layouts = new TokenLayout[reader.leaves().size()];
    for (LeafReaderContext leaf : reader.leaves()) {
      TokenLayout layout = TokenLayout.of(leaf.reader());
      layouts[leaf.ord] = layout;
      if (layout != null) {
        int clusters = layout.clusters();
        if (layout.bytes() != cb.bytesPerVector()
            || (clusters > 0 && layout.centroid(clusters - 1) >= cb.numCentroids())) {
          throw new CorruptIndexException("tokens of " + layout.bytes() + " code bytes and centroids up to "
              + (clusters > 0 ? layout.centroid(clusters - 1) : -1) + ", the codebook has "
              + cb.bytesPerVector() + " code bytes and " + cb.numCentroids() + " centroids", leaf.reader().toString());
        }
        layout.addClusterSizes(clusterSizes);
      }
    }
  }

  /**
   * A handle over a reader of any Lucene index whose documents carry latte's token fields ({@code
   * LateInteractionTokensField}) written with {@code codebook}: the Lucene parts
   * ({@code io.latte.searcher.lucene}) search a plain application's index this way. It has no latte
   * meta: {@link #meta()} is null.
   */
  public static IndexHandle of(DirectoryReader reader, Codebook codebook) throws IOException {
    return new IndexHandle(reader, new IndexFiles(null, codebook));
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

  /** The index's meta; null for a handle over a plain Lucene index ({@link #of(DirectoryReader, Codebook)}). */
  public IndexMeta meta() {
    return files.meta();
  }

  /** The token layout of segment {@code leafOrd}, or null when the segment has no tokens. */
  public TokenLayout layout(int leafOrd) {
    return layouts[leafOrd];
  }

  public ClusterSizes clusterSizes() {
    return c -> clusterSizes[c];
  }
}

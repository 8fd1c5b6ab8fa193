package io.latte.searcher.xtr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * {@link ClusterBlocks} per segment core, built on first use and dropped when Lucene closes the core.
 * Keyed by the core cache key, so a reader reopened after deletes or new commits reuses the blocks of
 * the segments it shares with the old one: only new segments (flushes, merges) are read again.
 */
public final class ClusterBlocksCache {
  private static final Map<IndexReader.CacheKey, ClusterBlocks> CACHE = new ConcurrentHashMap<>();

  private ClusterBlocksCache() {}

  /** The blocks of {@code reader}'s segment, built now if no reader of that core has asked before. */
  public static ClusterBlocks get(LeafReader reader, int numCentroids, int bytes) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return ClusterBlocks.build(reader, numCentroids, bytes); // a reader that cannot be cached
    }
    IndexReader.CacheKey key = helper.getKey();
    ClusterBlocks cached = CACHE.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      cached = CACHE.computeIfAbsent(key, k -> {
        try {
          return ClusterBlocks.build(reader, numCentroids, bytes);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    helper.addClosedListener(CACHE::remove); // twice if two threads missed together: harmless
    return cached;
  }

  /** Segments currently cached (for tests and stats). */
  public static int size() {
    return CACHE.size();
  }
}

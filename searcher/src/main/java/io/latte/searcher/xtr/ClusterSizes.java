package io.latte.searcher.xtr;

/** Number of document tokens in each cluster, over the whole index (from the centroid terms' statistics). */
@FunctionalInterface
public interface ClusterSizes {
  long size(int centroid);
}

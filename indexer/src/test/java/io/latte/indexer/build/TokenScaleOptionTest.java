package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token-scale option: on by default, off on request, and fixed once an index exists. */
class TokenScaleOptionTest {
  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(16);

  private static BuildOptions.Builder options() {
    return Indexes.smallOptions().numCentroids(8).sampleTokens(400);
  }

  @Test
  void aNewIndexStoresScalesUnlessAskedNotTo() throws Exception {
    Indexes.build(tmp.resolve("on"), "on", Corpora.documents(0, 40), embedder, options().build());
    try (LatteIndex index = LatteIndex.open(tmp.resolve("on"))) {
      assertTrue(index.codebook().storesScale());
      assertEquals(index.codebook().residualBytes() + 1, index.meta().bytesPerVector());
    }
    Indexes.build(tmp.resolve("off"), "off", Corpora.documents(0, 40), embedder, options().tokenScale(false).build());
    try (LatteIndex index = LatteIndex.open(tmp.resolve("off"))) {
      assertTrue(!index.codebook().storesScale());
      assertEquals(index.codebook().residualBytes(), index.meta().bytesPerVector());
    }
  }

  @Test
  void aProjectedIndexStoresThemToo() throws Exception {
    Indexes.build(tmp, "projected", Corpora.documents(0, 40), embedder, options().projectionDim(8).build());
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertTrue(index.codebook().storesScale());
      assertEquals(8, index.codebook().dim());
    }
  }

  @Test
  void anExistingIndexKeepsItsOwnAndRefusesTheOther() throws Exception {
    Indexes.build(tmp, "first", Corpora.documents(0, 40), embedder, options().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Indexes.build(tmp, "more",
        Corpora.documents(0, 50), embedder, options().tokenScale(false).build()));
    assertTrue(e.getMessage().contains("no token scales were requested but index"), e.getMessage());
    assertTrue(e.getMessage().contains("stores a scale byte per token"), e.getMessage());
    // left out, the index's own setting holds
    Indexes.build(tmp, "more", Corpora.documents(0, 50), embedder, options().build());
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertTrue(index.codebook().storesScale());
      assertEquals(50, index.reader().numDocs());
    }
  }
}

package io.latte.searcher.xtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.read.LeafTokens;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory blocks hold exactly the postings: every token, position and code, in every segment. */
class ClusterBlocksTest {
  @TempDir Path dir;

  @Test
  void blocksHoldExactlyThePostings() throws Exception {
    BuildOptions options = Indexes.smallOptions().numCentroids(8).commitEveryDocs(40).build();
    Indexes.build(dir, "blocks", Corpora.documents(0, 130), new RandomEmbedder(16), options);
    DocumentDeleter.delete(dir, Set.of("d7", "d64"));
    try (LatteIndex index = LatteIndex.open(dir)) {
      assertTrue(index.leaves().size() > 1, "several segments");
      Map<Integer, TreeSet<String>> fromBlocks = new TreeMap<>();
      HexFormat hex = HexFormat.of();
      int bytes = index.codebook().bytesPerVector();
      for (LeafTokens leaf : index.leaves()) {
        ClusterBlocks blocks = ClusterBlocksCache.get(leaf.context().reader(), index.codebook().numCentroids(), bytes);
        assertSame(blocks, ClusterBlocksCache.get(leaf.context().reader(), index.codebook().numCentroids(), bytes),
            "cached per segment core");
        Bits live = leaf.context().reader().getLiveDocs();
        int tokens = 0;
        for (int c = 0; c < index.codebook().numCentroids(); c++) {
          int slot = blocks.slot(c);
          if (slot < 0) {
            continue;
          }
          assertEquals(c, blocks.centroid(slot));
          for (int k = 0; k < blocks.size(slot); k++, tokens++) {
            int ref = blocks.start(slot) + k;
            int doc = blocks.doc(ref);
            if (live != null && !live.get(doc)) {
              continue;
            }
            byte[] code = new byte[bytes];
            for (int t = 0; t < bytes; t++) {
              code[t] = blocks.codes(slot)[(k / 64) * 64 * bytes + t * 64 + k % 64];
            }
            fromBlocks.computeIfAbsent(c, x -> new TreeSet<>())
                .add(leaf.id(doc) + "@" + blocks.position(ref) + ":" + hex.formatHex(code));
          }
        }
        assertEquals(blocks.tokens(), tokens);
      }
      assertEquals(Indexes.postingsByCentroid(index), fromBlocks);

      // Payloads of another length than the codebook's: a clear error, not garbage scores.
      var reader = index.leaves().get(0).context().reader();
      CorruptIndexException e = assertThrows(CorruptIndexException.class,
          () -> ClusterBlocks.build(reader, index.codebook().numCentroids(), bytes + 1));
      assertTrue(e.getMessage().contains("code bytes, expected " + (bytes + 1)), e.getMessage());
    }
  }
}

package io.latte.searcher.xtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.write.DocumentDeleter;
import io.latte.indexer.codec.TokenLayout;
import io.latte.indexer.format.DocCodes;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.read.LeafTokens;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocks token retrieval scans hold exactly the documents' tokens: every token, position and code,
 * in every segment, read three ways (scan blocks, postings payloads, per-document gathers).
 */
class TokenLayoutTest {
  @TempDir Path dir;

  @Test
  void blocksHoldExactlyTheTokens() throws Exception {
    BuildOptions options = Indexes.smallOptions().numCentroids(8).commitEveryDocs(40).build();
    Indexes.build(dir, "blocks", Corpora.documents(0, 130), new RandomEmbedder(16), options);
    DocumentDeleter.delete(dir, Set.of("d7", "d64"));
    try (LatteIndex index = LatteIndex.open(dir)) {
      assertTrue(index.leaves().size() > 1, "several segments");
      Map<Integer, TreeSet<String>> fromBlocks = new TreeMap<>();
      Map<Integer, TreeSet<String>> fromGathers = new TreeMap<>();
      HexFormat hex = HexFormat.of();
      int bytes = index.codebook().bytesPerVector();
      for (LeafTokens leaf : index.leaves()) {
        TokenLayout layout = TokenLayout.of(leaf.context().reader());
        TokenLayout.Cursor cursor = layout.cursor();
        Bits live = leaf.context().reader().getLiveDocs();
        byte[] block = new byte[64 * bytes];
        int tokens = 0;
        for (int c = 0; c < index.codebook().numCentroids(); c++) {
          int slot = layout.slot(c);
          if (slot < 0) {
            continue;
          }
          assertEquals(c, layout.centroid(slot));
          int lo = 255;
          int hi = 0;
          for (int k = 0; k < layout.size(slot); k++, tokens++) {
            int m = cursor.readBlock(slot, k / 64, block);
            assertEquals(Math.min(64, layout.size(slot) - k / 64 * 64), m);
            int last = block[(bytes - 1) * 64 + k % 64] & 0xFF; // the token scale, deleted tokens' too
            lo = Math.min(lo, last);
            hi = Math.max(hi, last);
            int ref = layout.start(slot) + k;
            int doc = cursor.doc(ref);
            assertEquals(ref, cursor.ref(doc, cursor.position(ref)));
            if (live != null && !live.get(doc)) {
              continue;
            }
            byte[] code = new byte[bytes];
            for (int t = 0; t < bytes; t++) {
              code[t] = block[t * 64 + k % 64];
            }
            fromBlocks.computeIfAbsent(c, x -> new TreeSet<>())
                .add(leaf.id(doc) + "@" + cursor.position(ref) + ":" + hex.formatHex(code));
          }
          // the scale range a scan reads once per cluster covers exactly its tokens, the cached answer too
          assertEquals(lo << 8 | hi, cursor.lastByteRange(slot));
          assertEquals(lo << 8 | hi, layout.cursor().lastByteRange(slot));
        }
        assertEquals(layout.tokens(), tokens);
        LeafTokens.Matrix matrix = leaf.matrix();
        for (int d = 0; d < leaf.context().reader().maxDoc(); d++) {
          DocCodes codes = matrix.codes(d);
          if (live != null && !live.get(d) || codes == null) {
            continue;
          }
          assertEquals(codes.tokenCount(), matrix.tokenCount(d));
          for (int p = 0; p < codes.tokenCount(); p++) {
            fromGathers.computeIfAbsent(codes.centroids()[p], x -> new TreeSet<>()).add(leaf.id(d) + "@" + p + ":"
                + hex.formatHex(Arrays.copyOfRange(codes.codes(), p * bytes, (p + 1) * bytes)));
          }
        }
      }
      assertEquals(Indexes.postingsByCentroid(index), fromBlocks);
      assertEquals(fromGathers, fromBlocks);
    }
  }
}

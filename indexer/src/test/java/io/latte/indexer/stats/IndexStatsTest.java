package io.latte.indexer.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stats add up: counts match the input, bytes by structure sum to the total, codes beat float32. */
class IndexStatsTest {

  @TempDir Path tmp;

  @Test
  void statsDescribeTheIndex() throws Exception {
    RandomEmbedder embedder = new RandomEmbedder(64);
    var docs = Corpora.documents(0, 200);
    long tokens = docs.stream().mapToLong(d -> embedder.embed(d).tokenCount()).sum();
    Indexes.build(tmp, "a", docs, embedder, Indexes.smallOptions().bits(2).build());
    Indexes.build(tmp, "b", Corpora.documents(200, 20), embedder, BuildOptions.defaults());
    DocumentDeleter.delete(tmp, List.of("d0"));
    long d0 = embedder.embed(docs.get(0)).tokenCount();
    long added = Corpora.documents(200, 20).stream().mapToLong(d -> embedder.embed(d).tokenCount()).sum();

    try (LatteIndex index = LatteIndex.open(tmp)) {
      IndexStats s = IndexStatsCollector.collect(index);
      assertEquals(219, s.documents());
      assertEquals(tokens + added - d0, s.tokens());
      assertEquals(64, s.dim());
      assertEquals(2, s.bits());
      assertEquals(16 + 1, s.bytesPerVector()); // 64 dims at 2 bits, and the token scale byte
      assertEquals(s.sizeBytes(), s.bytesByStructure().values().stream().mapToLong(Long::longValue).sum());
      assertEquals(s.sizeBytes(), s.bytesByExtension().values().stream().mapToLong(Long::longValue).sum());
      // One copy of the codes: the token code file holds exactly the stored tokens' codes plus the
      // CodecUtil headers and footers of its segments.
      long headers = s.bytesByStructure().get("token_codes") - s.storedTokens() * 17;
      assertTrue(headers > 0 && headers < 200L * s.segments(), "code file overhead " + headers);
      assertTrue(s.bytesPerTokenByStructure().get("token_maps") < 8, "maps: a few bytes per token");
      assertTrue(s.residentBytes() > s.bytesByStructure().get("token_codes") && s.residentBytes() < s.sizeBytes());
      var json = s.toJsonMap();
      for (String key : List.of("documents", "tokens", "dim", "bits", "bytes_per_token", "size_bytes",
          "resident_bytes")) {
        assertTrue(json.containsKey(key), key);
      }
      assertTrue(s.fit().original().tokens() == tokens);
      assertTrue(s.fit().recent().tokens() == added);
      assertTrue(s.fit().errorRatio() > 0.5 && s.fit().errorRatio() < 2, s.fit().verdict());
    }
  }
}

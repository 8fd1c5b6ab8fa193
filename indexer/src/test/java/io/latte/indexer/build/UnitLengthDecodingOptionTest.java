package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.MappedEmbedder;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit-length decoding option is honoured or refused with a reason, never silently dropped. */
class UnitLengthDecodingOptionTest {
  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(16);

  private static BuildOptions.Builder options() {
    return Indexes.smallOptions().numCentroids(8).sampleTokens(400);
  }

  @Test
  void unitVectorsGetIt() throws Exception {
    Indexes.build(tmp, "unit", Corpora.documents(0, 40), embedder, options().unitLengthDecoding(true).build());
    try (LatteIndex index = LatteIndex.open(tmp)) {
      assertTrue(index.codebook().normalizesDecoded());
    }
  }

  @Test
  void vectorsThatAreNotUnitLengthAreRefused() {
    TokenEmbedder doubled = new MappedEmbedder(embedder, v -> {
      float[] x = v.vectors().clone();
      for (int i = 0; i < x.length; i++) {
        x[i] *= 2;
      }
      return new DocumentVectors(v.source(), x, v.tokenCount(), v.tokens(), v.starts(), v.ends());
    });
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Indexes.build(tmp, "long",
        Corpora.documents(0, 40), doubled, options().unitLengthDecoding(true).build()));
    assertTrue(e.getMessage().contains("unit-length decoding needs unit-length token vectors"), e.getMessage());
  }

  @Test
  void anExistingIndexWithoutItRefusesIt() throws Exception {
    Indexes.build(tmp, "raw", Corpora.documents(0, 40), embedder, options().build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Indexes.build(tmp, "more",
        Corpora.documents(0, 50), embedder, options().unitLengthDecoding(true).build()));
    assertTrue(e.getMessage().contains("unit-length decoding was requested but index"), e.getMessage());
  }

  @Test
  void aProjectionExcludesIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> options().unitLengthDecoding(true).projectionDim(8).build());
    assertTrue(e.getMessage().contains("exclude each other"), e.getMessage());
  }
}

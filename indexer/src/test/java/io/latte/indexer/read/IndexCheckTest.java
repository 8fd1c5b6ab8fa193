package io.latte.indexer.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.codec.LatteTokensPostingsFormat;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CheckIndex verifies the token files: one flipped byte of codes is caught, and the file is named. */
class IndexCheckTest {
  @TempDir Path dir;

  @Test
  void aFlippedCodeByteIsCaughtAndTheFileNamed() throws Exception {
    Indexes.build(dir, "check", Corpora.documents(0, 60), new RandomEmbedder(16),
        Indexes.smallOptions().numCentroids(8).build());
    IndexCheck.Result ok = IndexCheck.check(dir);
    assertTrue(ok.clean(), ok.problem());
    assertTrue(ok.documents() >= 60);

    Path codes;
    try (Stream<Path> files = Files.list(dir)) {
      codes = files.filter(f -> f.toString().endsWith("." + LatteTokensPostingsFormat.CODES_EXTENSION))
          .findFirst().orElseThrow();
    }
    try (FileChannel ch = FileChannel.open(codes, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long at = ch.size() / 2; // inside the codes, away from header and footer
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x5A));
      ch.write(b.flip(), at);
    }
    IndexCheck.Result bad = IndexCheck.check(dir);
    assertFalse(bad.clean());
    assertTrue(bad.problem().contains(codes.getFileName().toString()), bad.problem());
  }
}

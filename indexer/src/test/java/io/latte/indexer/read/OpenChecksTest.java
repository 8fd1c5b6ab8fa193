package io.latte.indexer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.format.IndexFiles;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening an index that does not match (model, codebook, meta) fails with a message that says why. */
class OpenChecksTest {

  @TempDir Path tmp;
  private final RandomEmbedder embedder = new RandomEmbedder(16);

  @BeforeEach
  void build() throws Exception {
    Indexes.build(tmp, "x", Corpora.documents(0, 40), embedder, Indexes.smallOptions().numCentroids(8).build());
  }

  @Test
  void anotherModelIsRejectedWhenSearchingAndWhenAdding() throws Exception {
    ModelIdentity other = new ModelIdentity("random-test", "deadbeef", "test-1", 16);
    var e = assertThrows(IllegalArgumentException.class, () -> LatteIndex.open(tmp, other));
    assertTrue(e.getMessage().contains("was built with model 'random-test' (dim 16, checksum c0ffee)"), e.getMessage());
    assertTrue(e.getMessage().contains("deadbeef"), e.getMessage());

    var e2 = assertThrows(IllegalArgumentException.class,
        () -> Indexes.build(tmp, "y", Corpora.documents(40, 5), new RandomEmbedder(other, 0), BuildOptions.defaults()));
    assertTrue(e2.getMessage().contains(tmp.toString()), e2.getMessage());
    // Another runtime of the same model is fine.
    try (LatteIndex ok = LatteIndex.open(tmp, new ModelIdentity("random-test", "c0ffee", "test-2", 16))) {
      assertEquals(40, ok.reader().numDocs());
    }
  }

  @Test
  void corruptedCodebookIsRejected() throws Exception {
    Path cb = tmp.resolve(LatteIndexFormat.CODEBOOK_FILE);
    byte[] bytes = Files.readAllBytes(cb);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(cb, bytes);
    var e = assertThrows(CorruptIndexException.class, () -> LatteIndex.open(tmp));
    assertTrue(e.getMessage().contains("codebook checksum mismatch"), e.getMessage());
    assertTrue(e.getMessage().contains(cb.toString()), e.getMessage());
    // Adding to it fails the same way, before anything is written.
    assertThrows(CorruptIndexException.class,
        () -> Indexes.build(tmp, "y", Corpora.documents(40, 5), embedder, BuildOptions.defaults()));
  }

  @Test
  void replacedCodebookAndMetaDisagreeWithTheCommit() throws Exception {
    // A consistent codebook + meta pair from another build, copied over: the commit names another codebook.
    Path other = tmp.resolveSibling(tmp.getFileName() + "-other");
    Indexes.build(other, "x", Corpora.documents(100, 40), embedder, Indexes.smallOptions().numCentroids(8).build());
    Files.copy(other.resolve(LatteIndexFormat.CODEBOOK_FILE), tmp.resolve(LatteIndexFormat.CODEBOOK_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(other.resolve(LatteIndexFormat.META_FILE), tmp.resolve(LatteIndexFormat.META_FILE),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    var e = assertThrows(CorruptIndexException.class, () -> LatteIndex.open(tmp));
    assertTrue(e.getMessage().contains("the last commit was written with codebook"), e.getMessage());
  }

  @Test
  void missingOrNewerMetaIsRejected() throws Exception {
    Path meta = tmp.resolve(LatteIndexFormat.META_FILE);
    String json = Files.readString(meta);
    String current = "\"format_version\" : " + LatteIndexFormat.FORMAT_VERSION;
    assertTrue(json.contains(current), json);
    Files.writeString(meta, json.replace(current, "\"format_version\" : 99"));
    assertThrows(IndexFormatTooNewException.class, () -> LatteIndex.open(tmp));
    // An index of the previous layout: refused in one line that names the rebuild command.
    Files.writeString(meta, json.replace(current, "\"format_version\" : 1"));
    var old = assertThrows(java.io.IOException.class, () -> LatteIndex.open(tmp));
    assertTrue(old.getMessage().contains("latte format 1") && old.getMessage().contains("latte index --corpus")
        && !old.getMessage().contains("\n"), old.getMessage());
    Files.delete(meta);
    var e = assertThrows(NoSuchFileException.class, () -> LatteIndex.open(tmp));
    assertTrue(e.getMessage().contains(LatteIndexFormat.META_FILE), e.getMessage());
    var e2 = assertThrows(NoSuchFileException.class, () -> LatteIndex.open(tmp.resolve("absent")));
    assertTrue(e2.getMessage().contains("absent"), e2.getMessage());
  }

  @Test
  void aSecondWriterIsToldAnotherProcessWrites() throws Exception {
    try (var first = io.latte.indexer.write.LatteIndexWriter.open(tmp, 16)) {
      var e = assertThrows(java.io.IOException.class, () -> io.latte.indexer.write.LatteIndexWriter.open(tmp, 16));
      assertTrue(e.getMessage().contains("is being written by another process"), e.getMessage());
      var e2 = assertThrows(java.io.IOException.class, () -> io.latte.indexer.write.DocumentDeleter.delete(tmp, java.util.List.of("d1")));
      assertTrue(e2.getMessage().contains("write.lock"), e2.getMessage());
      assertEquals(40, first.lastCommit().written());
    }
  }

  @Test
  void codebookOptionsMustMatchAnExistingIndex() throws Exception {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Indexes.build(tmp, "y", Corpora.documents(40, 5), embedder, BuildOptions.builder().bits(4).build()));
    assertTrue(e.getMessage().contains("bits=4 was requested but index"), e.getMessage());
    assertEquals(IndexFiles.load(tmp).meta().codebook().sha256(),
        IndexFiles.sha256(tmp.resolve(LatteIndexFormat.CODEBOOK_FILE)));
    assertTrue(new String(Files.readAllBytes(tmp.resolve(LatteIndexFormat.META_FILE)), StandardCharsets.UTF_8)
        .contains("\"model\""));
  }
}

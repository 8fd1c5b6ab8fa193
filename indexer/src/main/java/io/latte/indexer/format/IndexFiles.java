package io.latte.indexer.format;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.input.ModelIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;

/**
 * The latte files beside the Lucene index — meta and codebook — loaded and cross-checked, and
 * written in the crash-safe order (codebook, then meta, then the caller's first commit).
 *
 * @param meta the index meta
 * @param codebook the codebook it names, verified against the meta's SHA-256
 */
public record IndexFiles(IndexMeta meta, Codebook codebook) {

  /**
   * Writes a new index's codebook and meta (replacing leftovers of a run that crashed before its
   * first commit).
   */
  public static IndexFiles create(
      Path indexDir, Codebook codebook, ModelIdentity model, IndexMeta.Build build,
      io.latte.indexer.muvera.FdeConfig muvera, String language) throws IOException {
    Files.createDirectories(indexDir);
    Path cbFile = indexDir.resolve(LatteIndexFormat.CODEBOOK_FILE);
    codebook.write(cbFile);
    IndexMeta meta = IndexMeta.of(model, codebook, sha256(cbFile), build, muvera, language);
    IndexMetaFile.write(indexDir, meta);
    return new IndexFiles(meta, codebook);
  }

  /**
   * Reads meta and codebook and checks that they belong together.
   *
   * @throws NoSuchFileException naming the missing file
   * @throws CorruptIndexException naming the file and what disagrees
   */
  public static IndexFiles load(Path indexDir) throws IOException {
    IndexMeta meta = IndexMetaFile.read(indexDir);
    Path cbFile = indexDir.resolve(meta.codebook().file());
    if (!Files.exists(cbFile)) {
      throw new NoSuchFileException(
          cbFile.toString(), null, "the codebook named by " + LatteIndexFormat.META_FILE + " is missing");
    }
    String sha = sha256(cbFile);
    if (!sha.equals(meta.codebook().sha256())) {
      throw new CorruptIndexException(
          "codebook checksum mismatch: the file hashes to SHA-256 " + sha + " but "
              + LatteIndexFormat.META_FILE + " records " + meta.codebook().sha256()
              + " (the codebook was damaged or replaced; restore it or rebuild the index)",
          cbFile.toString());
    }
    Codebook cb = Codebook.read(cbFile);
    meta.checkAgainst(cb, indexDir.toString());
    return new IndexFiles(meta, cb);
  }

  /**
   * Checks that the last commit was written against this codebook and format.
   *
   * @throws CorruptIndexException when the commit names another codebook
   */
  public void checkCommit(CommitData commit, String resource) throws IOException {
    int v = commit.formatVersion();
    int current = LatteIndexFormat.FORMAT_VERSION;
    if (v > current) {
      throw new IndexFormatTooNewException(resource, v, current, current);
    }
    if (v < current) {
      throw LatteIndexFormat.obsolete(resource, v);
    }
    if (!commit.codebookSha256().equals(meta.codebook().sha256())) {
      throw new CorruptIndexException(
          "the last commit was written with codebook SHA-256 " + commit.codebookSha256() + " but "
              + LatteIndexFormat.META_FILE + " names " + meta.codebook().sha256()
              + ": meta and codebook were replaced after indexing", resource);
    }
  }

  /** SHA-256 of a file's bytes, lowercase hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}

package io.latte.opensearch;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.IndexFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The node's codebooks: files in {@code <config>/latte/}, named by the index setting {@value
 * LatteSettings#CODEBOOK_KEY}, loaded once per content (SHA-256) and shared by every shard of every
 * index that names them.
 *
 * <p>Why files and a checksum in the mapping: every shard and replica must compress and score with
 * the same codebook, and a codebook is a few megabytes that never changes for the life of an index.
 * The operator copies the same file to each node (as with synonyms or hunspell dictionaries); the
 * node that creates the index records the file's SHA-256 in the field's mapping ({@code
 * codebook_sha256}), and every node that later builds the mapping — primaries, replicas, restores —
 * refuses a file with other content. So a stale or different copy fails loudly instead of
 * silently ranking differently.
 */
public final class Codebooks {
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

  /** A loaded codebook and the SHA-256 of its file. */
  public record Loaded(Codebook codebook, String sha256) {}

  private final Path dir;
  private final Map<String, Codebook> bySha = new ConcurrentHashMap<>();

  /** @param dir the folder holding codebook files ({@code <config>/latte}) */
  public Codebooks(Path dir) {
    this.dir = dir;
  }

  /**
   * Loads codebook {@code name}.
   *
   * @param expectedSha256 the checksum the mapping recorded, or empty when the index is new
   * @throws IllegalArgumentException when the name is unsafe, the file is missing or unreadable, or
   *     its content is not the recorded one
   */
  public Loaded load(String name, String expectedSha256) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a late_interaction field needs the index setting [" + LatteSettings.CODEBOOK_KEY
          + "]: the name of a codebook file in every node's config/latte/ folder");
    }
    if (!SAFE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("[" + LatteSettings.CODEBOOK_KEY + "] must be a plain file name (letters, digits,"
          + " '.', '_', '-'), got [" + name + "]");
    }
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("codebook [" + name + "] named by [" + LatteSettings.CODEBOOK_KEY
          + "] is missing: no file " + file + " on this node (copy the same codebook to every node)");
    }
    try {
      String sha = IndexFiles.sha256(file);
      if (expectedSha256 != null && !expectedSha256.isEmpty() && !expectedSha256.equals(sha)) {
        throw new IllegalArgumentException("codebook [" + name + "] on this node has SHA-256 " + sha
            + " but the index was created with " + expectedSha256 + ": every node needs the same file");
      }
      Codebook cb = bySha.computeIfAbsent(sha, s -> read(file));
      return new Loaded(cb, sha);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("codebook [" + name + "] cannot be read from " + file + ": " + e.getMessage(), e);
    }
  }

  private static Codebook read(Path file) {
    try {
      return Codebook.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

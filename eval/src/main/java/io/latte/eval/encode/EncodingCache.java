package io.latte.eval.encode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names the cache file of an encoded corpus. The name hashes everything the vectors depend on:
 * the model's checksum, the maximum document length, and a fingerprint of the corpus content — so editing
 * the corpus, changing the length limit or swapping the model never reuses stale vectors.
 */
public final class EncodingCache {
  private final Path dir;

  public EncodingCache(Path dir) {
    this.dir = dir;
  }

  /** {@code $XDG_CACHE_HOME/latte/encoded}, else {@code ~/.cache/latte/encoded}. */
  public static EncodingCache defaultLocation() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return new EncodingCache(base.resolve("latte").resolve("encoded"));
  }

  public Path dir() {
    return dir;
  }

  public Path fileFor(String modelName, String modelChecksum, int maxDocumentTokens, String corpusFingerprint) {
    String key = modelChecksum + "|" + maxDocumentTokens + "|" + corpusFingerprint;
    String safeName = modelName.replaceAll("[^A-Za-z0-9._-]", "_");
    return dir.resolve(safeName + "-" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".lenc");
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha().digest(bytes));
  }

  private static MessageDigest sha() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}

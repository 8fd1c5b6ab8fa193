package io.latte.eval.encode;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.CloseableIterator;
import io.latte.models.TokenEncoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * Encodes a BEIR corpus (documents as BEIR does: title + " " + text) through the on-disk cache.
 * The cache key fingerprints the documents' content, not the file, so a re-compressed copy of the
 * same corpus still hits the cache.
 */
public final class DatasetEncoding {
  /** What {@link #load} did: the corpus, and whether (and how fast) it had to encode. */
  public record Result(EncodedCorpus corpus, Path cacheFile, boolean fromCache, double seconds, long tokens) {
    public double docsPerSecond() {
      return seconds > 0 ? corpus.size() / seconds : 0;
    }

    public double tokensPerSecond() {
      return seconds > 0 ? tokens / seconds : 0;
    }
  }

  /** Size and content hash of a corpus, read in one streaming pass. */
  public record Census(int documents, String fingerprint) {}

  private DatasetEncoding() {}

  public static Census census(BeirDataset dataset) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    int n = 0;
    try (CloseableIterator<BeirDocument> it = dataset.openCorpus()) {
      while (it.hasNext()) {
        BeirDocument d = it.next();
        md.update(d.id().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(d.fullText().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        n++;
      }
    }
    return new Census(n, HexFormat.of().formatHex(md.digest()));
  }

  /**
   * The encoded corpus: from the cache when present (unless {@code force}), else encoded now with
   * progress reported per chunk.
   */
  public static Result load(
      BeirDataset dataset, Census census, TokenEncoder encoder, int maxDocumentTokens,
      EncodingCache cache, boolean force, EncodeProgress progress) throws IOException {
    var info = encoder.info();
    Path file = cache.fileFor(info.name(), info.checksum(), maxDocumentTokens, census.fingerprint());
    if (!force && Files.exists(file)) {
      EncodedCorpus cached = EncodedCorpusFile.read(file);
      if (cached.modelChecksum().equals(info.checksum()) && cached.size() == census.documents()) {
        return new Result(cached, file, true, 0, cached.totalTokens());
      }
    }
    long[] tokens = {0};
    EncodeProgress counting = (docs, toks) -> {
      tokens[0] += toks;
      progress.advance(docs, toks);
    };
    long t0 = System.nanoTime();
    try (CloseableIterator<BeirDocument> it = dataset.openCorpus()) {
      new CorpusEncoder(encoder, CorpusEncoder.DEFAULT_CHUNK).encode(file, asIdText(it), counting);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Result(EncodedCorpusFile.read(file), file, false, seconds, tokens[0]);
  }

  /** BEIR documents as the (id, title + " " + text) pairs the encoder sees. */
  public static Iterator<IdText> asIdText(Iterator<BeirDocument> docs) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return docs.hasNext();
      }

      @Override
      public IdText next() {
        BeirDocument d = docs.next();
        return new IdText(d.id(), d.fullText());
      }
    };
  }
}

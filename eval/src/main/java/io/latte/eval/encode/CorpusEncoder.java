package io.latte.eval.encode;

import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Encodes a stream of documents in chunks and writes them to an {@link EncodedCorpusFile}.
 *
 * <p>Chunks (default 128 documents) are large enough for the encoder to sort each call's texts by
 * length before batching: the larger the call, the less padding it pays for.
 */
public final class CorpusEncoder {
  public static final int DEFAULT_CHUNK = 128;

  private final TokenEncoder encoder;
  private final int chunk;

  public CorpusEncoder(TokenEncoder encoder, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be >= 1, got " + chunk);
    }
    this.encoder = encoder;
    this.chunk = chunk;
  }

  /** Encodes every document into {@code target} (atomically replaced when complete). */
  public void encode(Path target, Iterator<IdText> documents, EncodeProgress progress) throws IOException {
    var info = encoder.info();
    try (var writer = new EncodedCorpusFile.Writer(target, info.name(), info.checksum(), info.dim())) {
      List<IdText> batch = new ArrayList<>(chunk);
      while (documents.hasNext()) {
        batch.add(documents.next());
        if (batch.size() == chunk) {
          flush(batch, writer, progress);
        }
      }
      flush(batch, writer, progress);
      writer.commit();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void flush(List<IdText> batch, EncodedCorpusFile.Writer writer, EncodeProgress progress)
      throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    List<String> texts = new ArrayList<>(batch.size());
    for (IdText d : batch) {
      texts.add(d.text());
    }
    List<EncodedText> encoded = encoder.encodeDocuments(texts);
    long tokens = 0;
    for (int i = 0; i < batch.size(); i++) {
      EncodedText e = encoded.get(i);
      float[] pooled = e.pooled() == null ? new float[0] : e.pooled();
      writer.add(batch.get(i).id(), Flatten.rows(e), pooled);
      tokens += e.length();
    }
    progress.advance(batch.size(), tokens);
    batch.clear();
  }
}

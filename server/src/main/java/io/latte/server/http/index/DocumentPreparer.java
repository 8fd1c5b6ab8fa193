package io.latte.server.http.index;

import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and encodes a write batch before the index is touched, so that a batch is either written
 * whole or refused whole: an empty or over-long {@code _id}, blank title and text, metadata that
 * cannot be indexed, vectors of the wrong dimension, or a document without tokens rejects the batch with a {@link
 * DocumentRejectedException} naming the document. The same rules as {@code latte index}; the check
 * of metadata types against the index's schema happens in the writer, under its lock.
 *
 * <p>A batch that repeats an {@code _id} keeps its last occurrence (as a sequence of upserts would)
 * and encodes only that one. Documents that bring their own vectors are not encoded. Runs outside the write lock: encoding is the slow part of a write.
 */
final class DocumentPreparer {
  /**
   * The longest {@code _id} the API accepts, in UTF-8 bytes. GET and DELETE carry the id in the URL
   * path, and Netty refuses request lines over 4096 bytes (413): percent-encoded, 512 bytes take at
   * most 1536 characters, so every accepted id can also be read and deleted. (Lucene's own term
   * limit, 32766 bytes, would accept ids no endpoint can address.)
   */
  public static final int MAX_ID_BYTES = 512;

  private final TokenEmbedder embedder;

  DocumentPreparer(TokenEmbedder embedder) {
    this.embedder = embedder;
  }

  List<PreparedDocument> prepare(List<SourceDocument> batch) {
    Map<String, Integer> last = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      last.put(batch.get(i).id(), i);
    }
    List<Integer> positions = new ArrayList<>(last.values());
    positions.sort(null);
    List<SourceDocument> docs = new ArrayList<>(positions.size());
    List<List<MetadataValues.Value>> metadata = new ArrayList<>(positions.size());
    for (int p : positions) {
      SourceDocument d = batch.get(p);
      check(p, d);
      try {
        metadata.add(MetadataValues.flatten(d.metadata()));
      } catch (IllegalArgumentException e) {
        throw new DocumentRejectedException(p, d.id(), e.getMessage());
      }
      docs.add(d);
    }
    List<SourceDocument> toEncode = docs.stream().filter(d -> !d.hasVectors()).toList();
    List<DocumentVectors> encoded = toEncode.isEmpty() ? List.of() : embedder.embed(toEncode);
    List<PreparedDocument> out = new ArrayList<>(docs.size());
    int e = 0;
    for (int i = 0; i < docs.size(); i++) {
      SourceDocument d = docs.get(i);
      DocumentVectors v = d.hasVectors() ? d.vectors().forDocument(d) : encoded.get(e++);
      checkVectors(positions.get(i), v);
      out.add(new PreparedDocument(positions.get(i), d, metadata.get(i), v));
    }
    return out;
  }

  private void check(int position, SourceDocument d) {
    if (d.id().isBlank()) {
      throw new DocumentRejectedException(position, d.id(), "_id must not be empty");
    }
    if (d.id().getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
      throw new DocumentRejectedException(position, d.id().substring(0, 20) + "…",
          "_id is longer than " + MAX_ID_BYTES + " UTF-8 bytes (GET and DELETE address it in the URL)");
    }
    if (!wellFormed(d.id())) {
      // stored as UTF-8, an unpaired surrogate becomes U+FFFD: the id could never be read or deleted
      throw new DocumentRejectedException(position, d.id(), "_id holds an unpaired surrogate (not valid Unicode)");
    }
    if (d.hasVectors()) {
      int dim = embedder.model().dim();
      if (d.vectors().dim() != dim) {
        throw new DocumentRejectedException(position, d.id(), "vectors[0]", "has " + d.vectors().dim()
            + " values, but the index takes " + dim + "-dimensional token vectors");
      }
    } else if (!embedder.encodesText()) {
      throw new DocumentRejectedException(position, d.id(), "vectors",
          "is missing: the index is built from precomputed vectors and has no model to encode the text");
    } else if (d.fullText().isEmpty()) {
      throw new DocumentRejectedException(position, d.id(), "title and text are both empty");
    }
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static void checkVectors(int position, DocumentVectors v) {
    if (v.tokenCount() == 0) {
      throw new DocumentRejectedException(position, v.id(), "no tokens after encoding");
    }
    for (float x : v.vectors()) {
      if (!Float.isFinite(x)) {
        throw new DocumentRejectedException(position, v.id(), "the encoder produced a non-finite value");
      }
    }
  }
}

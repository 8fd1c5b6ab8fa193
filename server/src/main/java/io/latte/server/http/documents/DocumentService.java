package io.latte.server.http.documents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.latte.indexer.input.InvalidVectorsException;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenVectors;
import io.latte.server.http.LatteSettings;
import io.latte.server.http.api.DocumentBody;
import io.latte.server.http.api.WriteResponse;
import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorCode;
import io.latte.server.http.index.DocumentRejectedException;
import io.latte.server.http.index.LiveIndex;
import io.latte.server.http.index.StoredDocument;
import io.latte.server.http.index.WriteResult;
import io.latte.server.http.ops.ServerMetrics;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The document endpoints behind the controller: limits, conversion, error codes, metrics. */
@Singleton
public final class DocumentService {
  /** Where request documents come from, in messages of the indexer. */
  static final String LOCATION = "request";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LiveIndex index;
  private final ServerMetrics metrics;
  private final int maxBatch;

  DocumentService(LiveIndex index, ServerMetrics metrics, LatteSettings settings) {
    this.index = index;
    this.metrics = metrics;
    this.maxBatch = settings.maxBatchDocuments();
  }

  public WriteResponse upsert(List<DocumentBody> documents) throws IOException {
    if (documents.isEmpty()) {
      throw new ApiException(ErrorCode.BATCH_EMPTY, "documents must hold at least one document");
    }
    if (documents.size() > maxBatch) {
      throw new ApiException(ErrorCode.BATCH_TOO_LARGE,
          "documents holds " + documents.size() + " documents; the limit per request is " + maxBatch
              + " (send several requests)");
    }
    List<SourceDocument> docs = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      DocumentBody d = documents.get(i);
      if (d == null) {
        throw new ApiException(ErrorCode.INVALID_DOCUMENT, "documents[" + i + "] is null: send a document object");
      }
      docs.add(new SourceDocument(d.id(), nonNull(d.title()), nonNull(d.text()),
          d.metadata() == null ? Map.of() : d.metadata(), LOCATION, i + 1, vectors(i, d)));
    }
    try {
      WriteResult r = index.upsert(docs);
      metrics.upserted(r.ids().size());
      return new WriteResponse(r.ids(), r.generation(), r.documents());
    } catch (DocumentRejectedException e) {
      throw new ApiException(ErrorCode.INVALID_DOCUMENT, e.getMessage(), e);
    }
  }

  /** The document's own token vectors, checked; null when it has none (the model encodes it). */
  private static TokenVectors vectors(int position, DocumentBody d) {
    if (d.vectors() == null) {
      if (d.tokens() != null || d.offsets() != null) {
        throw new ApiException(ErrorCode.INVALID_DOCUMENT,
            "documents[" + position + "].tokens (_id \"" + d.id() + "\"): tokens and offsets need vectors");
      }
      return null;
    }
    try {
      String full = (nonNull(d.title()) + " " + nonNull(d.text())).strip();
      return TokenVectors.ofRows(d.vectors(), d.tokens(), d.offsets(), full.length());
    } catch (InvalidVectorsException e) {
      throw new ApiException(ErrorCode.INVALID_DOCUMENT,
          "documents[" + position + "]." + e.field() + " (_id \"" + d.id() + "\") " + e.problem(), e);
    }
  }

  public DocumentBody get(String id) throws IOException {
    StoredDocument d = index.document(id).orElseThrow(() -> notFound(id));
    return new DocumentBody(d.id(), d.title(), d.text(), metadata(d.metadataJson()));
  }

  public WriteResponse delete(String id) throws IOException {
    if (!index.delete(id)) {
      throw notFound(id);
    }
    metrics.deleted(1);
    try (LiveIndex.Lease lease = index.acquire()) {
      var s = lease.snapshot().orElseThrow();
      return new WriteResponse(List.of(id), s.generation(), s.documents());
    }
  }

  private static ApiException notFound(String id) {
    return new ApiException(ErrorCode.DOCUMENT_NOT_FOUND, "no document with _id \"" + id + "\"");
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static Map<String, Object> metadata(String json) throws IOException {
    return json == null ? null : JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}

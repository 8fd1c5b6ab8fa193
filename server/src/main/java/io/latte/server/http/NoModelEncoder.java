package io.latte.server.http;

import io.latte.indexer.input.ModelIdentity;
import io.latte.models.EncodedText;
import io.latte.models.ModelInfo;
import io.latte.models.TokenEncoder;
import io.latte.server.http.error.ApiException;
import io.latte.server.http.error.ErrorCode;
import java.util.List;

/**
 * The encoder of an index built from precomputed vectors without a model ({@link
 * ModelIdentity#isPrecomputed()}): it has the index's identity and dimension but encodes nothing, so
 * such an index is served with no model loaded. Searches must send {@code query_vectors} (or use
 * bm25), upserts {@code vectors}; a text-only request gets a 400 saying so.
 */
public final class NoModelEncoder implements TokenEncoder {
  private final ModelInfo info;

  NoModelEncoder(ModelIdentity identity) {
    this.info = new ModelInfo(identity.name(), identity.dim(), identity.checksum(), identity.runtime());
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public EncodedText encodeQuery(String text) {
    throw new ApiException(ErrorCode.INVALID_REQUEST, "the index is built from precomputed vectors and has no model"
        + " to encode the query: send query_vectors, or use mode bm25");
  }

  @Override
  public List<EncodedText> encodeDocuments(List<String> texts) {
    throw new IllegalStateException("no model: documents of a precomputed index must bring their vectors");
  }

  @Override
  public void close() {}
}

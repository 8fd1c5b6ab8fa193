package io.latte.engine;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The indexer's {@link TokenEmbedder} over a {@link TokenEncoder}: encodes {@link
 * SourceDocument#fullText()} (title + " " + text), so token offsets refer to that string, exactly as
 * {@code latte index} does.
 */
public final class EncoderEmbedder implements TokenEmbedder {
  private final TokenEncoder encoder;
  private final ModelIdentity identity;

  public EncoderEmbedder(TokenEncoder encoder) {
    this.encoder = encoder;
    this.identity = identity(encoder);
  }

  /** The identity an index records for this encoder's model. */
  public static ModelIdentity identity(TokenEncoder encoder) {
    var info = encoder.info();
    return new ModelIdentity(info.name(), info.checksum(), info.runtime(), info.dim());
  }

  @Override
  public ModelIdentity model() {
    return identity;
  }

  @Override
  public List<DocumentVectors> embed(List<SourceDocument> documents) {
    List<EncodedText> encoded = encoder.encodeDocuments(documents.stream().map(SourceDocument::fullText).toList());
    List<DocumentVectors> out = new ArrayList<>(documents.size());
    int dim = identity.dim();
    for (int i = 0; i < documents.size(); i++) {
      EncodedText e = encoded.get(i);
      float[] flat = new float[e.length() * dim];
      for (int t = 0; t < e.length(); t++) {
        System.arraycopy(e.vectors()[t], 0, flat, t * dim, dim);
      }
      out.add(new DocumentVectors(documents.get(i), flat, e.length(), e.tokens(), e.starts(), e.ends()));
    }
    return out;
  }
}

package io.latte.indexer.testing;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An embedder whose every document's vectors are another's, changed by a function (tests' odd inputs). */
public final class MappedEmbedder implements TokenEmbedder {
  private final TokenEmbedder inner;
  private final UnaryOperator<DocumentVectors> change;

  public MappedEmbedder(TokenEmbedder inner, UnaryOperator<DocumentVectors> change) {
    this.inner = inner;
    this.change = change;
  }

  @Override
  public ModelIdentity model() {
    return inner.model();
  }

  @Override
  public List<DocumentVectors> embed(List<SourceDocument> docs) {
    List<DocumentVectors> out = new ArrayList<>();
    for (DocumentVectors v : inner.embed(docs)) {
      out.add(change.apply(v));
    }
    return out;
  }
}

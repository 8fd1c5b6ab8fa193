package io.latte.eval.engine;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link TokenEmbedder} over vectors encoded earlier (the demo's, the encoding cache's): indexing
 * them does not run the model a second time.
 */
public final class PrecomputedEmbedder implements TokenEmbedder {
  private final ModelIdentity model;
  private final Function<SourceDocument, DocumentVectors> vectors;

  /** @param vectors the vectors of a document, as the model encoded it */
  public PrecomputedEmbedder(ModelIdentity model, Function<SourceDocument, DocumentVectors> vectors) {
    this.model = model;
    this.vectors = vectors;
  }

  @Override
  public ModelIdentity model() {
    return model;
  }

  @Override
  public List<DocumentVectors> embed(List<SourceDocument> batch) {
    return batch.stream().map(vectors).toList();
  }
}

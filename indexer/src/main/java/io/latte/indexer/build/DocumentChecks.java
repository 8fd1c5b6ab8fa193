package io.latte.indexer.build;

import io.latte.indexer.format.MetadataSchema;
import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.BadDocument;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import java.util.List;

/**
 * Checks documents before they are embedded (id, text or the dimension of their own vectors,
 * metadata types) and their embeddings after
 * (token count, dimension, finite values). Problems that belong to one document become {@link
 * BadDocument}s for the policy; an embedder that breaks its contract (wrong count, wrong dimension)
 * is a programming error and fails the run.
 *
 * <p>Runs on the reading thread; the writing thread only reads {@link #schema()} when it commits.
 */
final class DocumentChecks {

  private final int dim;
  private final boolean encodesText;
  private final BadDocuments bad;
  private volatile MetadataSchema schema;

  /**
   * @param encodesText false when there is no model ({@link
   *     io.latte.indexer.input.TokenEmbedder#encodesText()}): every document must bring vectors
   */
  DocumentChecks(int dim, boolean encodesText, MetadataSchema schema, BadDocuments bad) {
    this.dim = dim;
    this.encodesText = encodesText;
    this.schema = schema;
    this.bad = bad;
  }

  boolean encodesText() {
    return encodesText;
  }

  int dim() {
    return dim;
  }

  /** The schema covering every document checked so far. */
  MetadataSchema schema() {
    return schema;
  }

  /** The checked document, or null after reporting why it cannot be indexed. */
  CheckedDocument check(SourceDocument d) {
    if (d.id().isBlank()) {
      bad.report(BadDocument.of(d, "\"_id\" is empty"));
      return null;
    }
    if (d.hasVectors()) {
      if (d.vectors().dim() != dim) {
        bad.report(BadDocument.of(d, "vectors[0] has " + d.vectors().dim() + " values, but the index takes "
            + dim + "-dimensional token vectors"));
        return null;
      }
    } else if (!encodesText) {
      bad.report(BadDocument.of(d, "no \"vectors\": the index is built from precomputed vectors and has no"
          + " model to encode the text"));
      return null;
    } else if (d.fullText().isEmpty()) {
      bad.report(BadDocument.of(d, "empty text (title and text are both blank)"));
      return null;
    }
    try {
      List<MetadataValues.Value> values = MetadataValues.flatten(d.metadata());
      schema = schema.accept(values);
      return new CheckedDocument(d, values);
    } catch (IllegalArgumentException e) {
      bad.report(BadDocument.of(d, e.getMessage()));
      return null;
    }
  }

  /**
   * Whether an embedding can be indexed; reports it as bad when not.
   *
   * @throws IllegalStateException when the embedder returned vectors of the wrong dimension
   */
  boolean accept(SourceDocument d, DocumentVectors v) {
    if (!v.id().equals(d.id())) {
      throw new IllegalStateException(
          "the embedder returned documents out of order: expected _id \"" + d.id() + "\" ("
              + d.where() + "), got \"" + v.id() + "\"");
    }
    if (v.vectors().length != (long) v.tokenCount() * dim) {
      throw new IllegalStateException(
          "the embedder returned " + v.vectors().length + " floats for " + v.tokenCount() + " tokens of "
              + d.where() + "; the model's dimension is " + dim);
    }
    if (v.tokenCount() == 0) {
      bad.report(BadDocument.of(d, "no tokens after encoding"));
      return false;
    }
    float[] x = v.vectors();
    for (int i = 0; i < x.length; i++) {
      if (!Float.isFinite(x[i])) {
        bad.report(BadDocument.of(d, "token " + (i / dim) + " has a non-finite value " + x[i]));
        return false;
      }
    }
    return true;
  }
}

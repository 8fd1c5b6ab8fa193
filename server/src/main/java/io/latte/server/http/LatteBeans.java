package io.latte.server.http;

import io.latte.indexer.format.IndexMetaFile;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import io.latte.engine.EncoderEmbedder;
import io.latte.server.http.index.LiveIndex;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Creates the engine objects the HTTP layer uses: the encoder (the index's model unless one is
 * configured; none for an index built from precomputed vectors without a model, {@link
 * NoModelEncoder}) and the {@link LiveIndex}. Both are closed with the application context, the index
 * first (it waits for the write in progress). Both are created at start-up ({@code @Context}), so a
 * bad index or model fails {@code latte serve} before it listens, and the first request pays nothing.
 */
@Factory
final class LatteBeans {

  @Context
  @Bean(preDestroy = "close")
  TokenEncoder encoder(LatteSettings settings) {
    ModelIdentity indexModel = indexModel(settings);
    boolean configured = settings.model() != null && !settings.model().isBlank();
    if (!configured && indexModel != null && indexModel.isPrecomputed()) {
      return new NoModelEncoder(indexModel);
    }
    EncoderOptions options = EncoderOptions.defaults();
    if (settings.encoderThreads() > 0) {
      options = options.withThreads(settings.encoderThreads());
    }
    return Encoders.open(modelName(settings), options);
  }

  @Context
  @Bean(preDestroy = "close")
  LiveIndex index(LatteSettings settings, TokenEncoder encoder) {
    try {
      EncoderEmbedder embedder = new EncoderEmbedder(encoder);
      return LiveIndex.open(settings.index(),
          encoder instanceof NoModelEncoder ? TokenEmbedder.precomputed(embedder.model()) : embedder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open index " + settings.index() + ": " + e.getMessage(), e);
    }
  }

  /** The configured model, else the one the index was built with, else the default. */
  private static String modelName(LatteSettings settings) {
    if (settings.model() != null && !settings.model().isBlank()) {
      return settings.model();
    }
    ModelIdentity m = indexModel(settings);
    return m != null ? m.name() : Encoders.DEFAULT_MODEL;
  }

  /** The model recorded in the served index, or null when there is no index yet. */
  private static ModelIdentity indexModel(LatteSettings settings) {
    if (!Files.exists(settings.index().resolve(io.latte.indexer.format.LatteIndexFormat.META_FILE))) {
      return null;
    }
    try {
      return IndexMetaFile.read(settings.index()).model();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the meta of index " + settings.index() + ": " + e.getMessage(), e);
    }
  }
}

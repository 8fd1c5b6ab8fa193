package io.latte.server.cli;

import io.latte.engine.EncoderEmbedder;
import io.latte.indexer.format.IndexMetaFile;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.input.TokenVectorsFile;
import io.latte.indexer.input.VectorsWithCorpus;
import io.latte.models.TokenEncoder;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code latte index} reads and how it gets vectors: a corpus ({@code --corpus}, whose lines may
 * carry {@code "vectors"}), a binary vectors file ({@code --vectors}) alone or beside the corpus; and
 * the model that encodes documents without vectors, or none ({@code --model precomputed[:NAME]},
 * or an index built that way): then every document must bring vectors and the index records their
 * dimension under the name given.
 */
final class IndexInput implements Closeable {

  /** {@code --model} value for "no model, the vectors come with the documents". */
  static final String PRECOMPUTED = "precomputed";

  /** Corpus lines searched for a first {@code "vectors"} field to learn the dimension. */
  static final int DIM_PROBE_LINES = 1000;

  final String description;
  final long records;
  final TokenEmbedder embedder;
  private final TokenEncoder encoder;

  private IndexInput(String description, long records, TokenEmbedder embedder, TokenEncoder encoder) {
    this.description = description;
    this.records = records;
    this.embedder = embedder;
    this.encoder = encoder;
  }

  /**
   * @param corpus may be null when {@code vectors} is given
   * @param vectors may be null
   */
  static IndexInput resolve(Path corpus, Path vectors, Path index, ModelOptions model) throws IOException {
    if (corpus == null && vectors == null) {
      throw new IllegalArgumentException("give --corpus, --vectors, or both");
    }
    Path corpusFile = corpus == null ? null : CorpusFile.resolve(corpus);
    long records = corpusFile != null ? CorpusFile.countRecords(corpusFile) : TokenVectorsFile.countRecords(vectors);
    String description = corpusFile == null ? vectors.toString()
        : vectors == null ? corpusFile.toString() : corpusFile + " with vectors " + vectors;
    ModelIdentity existing = existingModel(index);
    String name = model.modelGiven() ? model.model : existing != null && existing.isPrecomputed() ? null : model.model;
    if (name == null || name.equals(PRECOMPUTED) || name.startsWith(PRECOMPUTED + ":")) {
      ModelIdentity id = name == null ? existing
          : ModelIdentity.precomputed(name.substring(Math.min(name.length(), PRECOMPUTED.length() + 1)),
              dim(corpusFile, vectors));
      return new IndexInput(description, records, TokenEmbedder.precomputed(id), null);
    }
    TokenEncoder encoder = model.openForWorkers();
    EncoderEmbedder embedder = new EncoderEmbedder(encoder);
    if (vectors != null && TokenVectorsFile.readDim(vectors) != embedder.model().dim()) {
      int dim = TokenVectorsFile.readDim(vectors);
      encoder.close();
      throw new IllegalArgumentException(vectors + " holds " + dim + "-dimensional vectors but the model "
          + embedder.model().describe() + " produces " + embedder.model().dim() + " (use --model "
          + PRECOMPUTED + " to index vectors without a model)");
    }
    return new IndexInput(description, records, embedder, encoder);
  }

  /** Opens the records to index. */
  static DocumentSource open(Path corpus, Path vectors) throws IOException {
    if (corpus == null) {
      return TokenVectorsFile.open(vectors);
    }
    return vectors == null ? CorpusFile.open(CorpusFile.resolve(corpus)) : VectorsWithCorpus.open(corpus, vectors);
  }

  private static ModelIdentity existingModel(Path index) throws IOException {
    return Files.exists(index.resolve(LatteIndexFormat.META_FILE)) ? IndexMetaFile.read(index).model() : null;
  }

  /** The vectors' dimension: the binary file's header, else the first corpus line with vectors. */
  private static int dim(Path corpusFile, Path vectors) throws IOException {
    if (vectors != null) {
      return TokenVectorsFile.readDim(vectors);
    }
    try (CorpusFile c = CorpusFile.open(corpusFile)) {
      for (int i = 0; i < DIM_PROBE_LINES && c.hasNext(); i++) {
        SourceRecord r = c.next();
        if (r instanceof SourceDocument d && d.hasVectors()) {
          return d.vectors().dim();
        }
      }
    }
    throw new IllegalArgumentException("--model " + PRECOMPUTED + ": none of the first " + DIM_PROBE_LINES
        + " lines of " + corpusFile + " carries \"vectors\" (or give --vectors FILE)");
  }

  @Override
  public void close() {
    if (encoder != null) {
      encoder.close();
    }
  }
}

package io.latte.eval.scale;

import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.SourceRecord;
import java.util.Map;
import java.util.NoSuchElementException;

/** A {@link VectorCorpus} read in order as an indexer input, one document in memory at a time. */
final class CorpusStream implements DocumentSource {
  private final VectorCorpus corpus;
  private long next;

  CorpusStream(VectorCorpus corpus) {
    this.corpus = corpus;
  }

  @Override
  public String fingerprint() {
    return corpus.fingerprint();
  }

  @Override
  public long expectedRecords() {
    return corpus.documents();
  }

  @Override
  public DocumentSource reopen() {
    return new CorpusStream(corpus);
  }

  @Override
  public boolean hasNext() {
    return next < corpus.documents();
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of the corpus");
    }
    long i = next++;
    return new SourceDocument(corpus.id(i), "", "", Map.of(), "synthetic", i + 1, corpus.document(i));
  }

  /**
   * Passes over a document without generating it: the codebook sample reads every s-th document,
   * and the default (generate and drop) made sampling a full generation pass over the corpus.
   */
  @Override
  public long skip() {
    return hasNext() ? ++next : -1; // the line of document i is i + 1, as in next()
  }

  @Override
  public void close() {}
}

package io.latte.indexer.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * A corpus file with its token vectors in a {@link TokenVectorsFile} beside it: record i of the
 * vectors file belongs to the i-th non-blank line of the corpus, and must have the same {@code
 * _id} (checked, so that a file written from another corpus or order cannot pair vectors with the
 * wrong text). The corpus gives title, text and metadata; the vectors file the vectors. Lines and
 * records that cannot be read are reported as bad with the corpus file and line, each with its own
 * reason; a mismatch of ids or counts is an input-level error that stops the run.
 */
public final class VectorsWithCorpus implements DocumentSource {

  private final CorpusFile corpus;
  private final TokenVectorsFile vectors;

  private VectorsWithCorpus(CorpusFile corpus, TokenVectorsFile vectors) {
    this.corpus = corpus;
    this.vectors = vectors;
  }

  public static VectorsWithCorpus open(Path corpusFileOrDir, Path vectorsFile) throws IOException {
    CorpusFile c = CorpusFile.open(corpusFileOrDir);
    try {
      return new VectorsWithCorpus(c, TokenVectorsFile.open(vectorsFile));
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public String fingerprint() {
    return corpus.fingerprint() + " + vectors " + vectors.fingerprint();
  }

  @Override
  public DocumentSource reopen() {
    CorpusFile c = (CorpusFile) corpus.reopen();
    try {
      return new VectorsWithCorpus(c, (TokenVectorsFile) vectors.reopen());
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public boolean hasNext() {
    if (corpus.hasNext()) {
      return true;
    }
    if (vectors.hasNext()) {
      throw new IllegalArgumentException("the vectors file has more records than the corpus has lines: record "
          + vectors.next().line() + " of " + vectorsName() + " has no corpus line");
    }
    return false;
  }

  @Override
  public long skip() {
    long line = corpus.skip();
    if (line < 0) {
      hasNext(); // throws when the vectors file has records left
      return -1;
    }
    if (vectors.skip() < 0) {
      throw fewerRecords(corpus.location() + " line " + line);
    }
    return line;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of " + corpus.path());
    }
    SourceRecord text = corpus.next();
    if (!vectors.hasNext()) {
      throw fewerRecords(text.location() + " line " + text.line());
    }
    SourceRecord v = vectors.next();
    if (text instanceof BadDocument) {
      return text;
    }
    SourceDocument d = (SourceDocument) text;
    if (d.hasVectors()) {
      return BadDocument.of(d, "has \"vectors\" on its line and in " + vectorsName() + "; give them once");
    }
    return switch (v) {
      case BadDocument b -> BadDocument.of(d, vectorsName() + " record " + b.line() + ": " + b.reason());
      case SourceDocument withVectors -> {
        if (!withVectors.id().equals(d.id())) {
          throw new IllegalArgumentException(d.where() + " has _id \"" + d.id() + "\" but record " + withVectors.line()
              + " of " + vectorsName() + " has _id \"" + withVectors.id() + "\": the vectors file must list the"
              + " corpus's documents in the same order, one record per non-blank line");
        }
        yield new SourceDocument(d.id(), d.title(), d.text(), d.metadata(), d.location(), d.line(),
            withVectors.vectors());
      }
    };
  }

  private IllegalArgumentException fewerRecords(String line) {
    return new IllegalArgumentException(line + " has no record in " + vectorsName()
        + ": the vectors file has fewer records than the corpus has lines");
  }

  private String vectorsName() {
    return "vectors file " + vectors.path();
  }

  @Override
  public void close() {
    try {
      corpus.close();
    } finally {
      vectors.close();
    }
  }
}

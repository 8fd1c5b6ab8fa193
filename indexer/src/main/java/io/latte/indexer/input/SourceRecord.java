package io.latte.indexer.input;

/**
 * One record read from a {@link DocumentSource}: a document, or a line that could not be turned into
 * one. Both carry where they came from, so every report names the file and line.
 */
public sealed interface SourceRecord permits SourceDocument, BadDocument {

  /** The file (or other source) the record came from, as shown to users. */
  String location();

  /**
   * The 1-based line (or record number) in {@link #location()}; increasing along a source, which is
   * what lets an interrupted run resume after the last committed record.
   */
  long line();
}

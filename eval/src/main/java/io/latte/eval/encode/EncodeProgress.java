package io.latte.eval.encode;

/** Receives progress while a corpus is encoded (the CLI draws a progress bar from it). */
@FunctionalInterface
public interface EncodeProgress {
  EncodeProgress NONE = (docs, tokens) -> {};

  /** Called after each chunk with the documents and tokens it added. */
  void advance(int docs, long tokens);
}

package io.latte.indexer.input;

/**
 * What to do with a document that cannot be indexed (see {@link BadDocument}). Problems with the
 * input as a whole (unreadable file, wrong model for the index) always stop, whatever the policy.
 */
public enum BadDocumentPolicy {
  /**
   * Skip it, count it and report it at the end (the default): one broken line in a million-document
   * corpus should not throw away hours of encoding.
   */
  SKIP,
  /** Stop at the first one, with its file, line and reason; nothing after the last commit is kept. */
  STOP
}

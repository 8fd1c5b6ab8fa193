package io.latte.server.http.index;

/**
 * A document of a write batch that cannot be indexed; nothing of the batch was written.
 *
 * @see DocumentPreparer
 */
public final class DocumentRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String id;

  /**
   * @param position 0-based position of the document in the batch
   * @param id its {@code _id} (may be empty)
   * @param reason what is wrong with it
   */
  public DocumentRejectedException(int position, String id, String reason) {
    super("documents[" + position + "] (_id \"" + id + "\"): " + reason);
    this.position = position;
    this.id = id;
  }

  /**
   * A document rejected for one of its fields: the message names it as the request does, {@code
   * documents[3].vectors[0] (_id "x") has 128 values, ...}.
   */
  public DocumentRejectedException(int position, String id, String field, String problem) {
    super("documents[" + position + "]." + field + " (_id \"" + id + "\") " + problem);
    this.position = position;
    this.id = id;
  }

  public int position() {
    return position;
  }

  public String id() {
    return id;
  }
}

package io.latte.eval.beir;

import java.io.Closeable;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An iterator over an open file. Use it in try-with-resources; {@link #close()} releases the file and
 * reports I/O errors unchecked, so it also works as a {@link Stream#onClose} hook.
 *
 * @param <T> element type
 */
public interface CloseableIterator<T> extends Iterator<T>, Closeable {

  /** Closes the underlying file; I/O errors surface as {@link java.io.UncheckedIOException}. */
  @Override
  void close();

  /** The remaining elements as a sequential stream that closes this iterator when it is closed. */
  default Stream<T> stream() {
    Spliterator<T> split =
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(split, false).onClose(this::close);
  }
}

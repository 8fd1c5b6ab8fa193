package io.latte.indexer.input;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link TokenVectorsFormat} file, one document at a time through a fixed buffer (memory
 * does not grow with the file). For tests, benchmarks and producers written in Java.
 */
public final class TokenVectorsWriter implements Closeable {

  private static final int BUFFER_BYTES = 1 << 20;

  private final FileChannel channel;
  private final int dim;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES).order(TokenVectorsFormat.ORDER);
  private long records;

  private TokenVectorsWriter(FileChannel channel, int dim) {
    this.channel = channel;
    this.dim = dim;
  }

  /** Creates (or truncates) {@code path} and writes the header. */
  public static TokenVectorsWriter create(Path path, int dim) throws IOException {
    if (dim < 1 || dim > TokenVectors.MAX_DIM) {
      throw new IllegalArgumentException("dim must be in [1, " + TokenVectors.MAX_DIM + "], got " + dim);
    }
    FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    TokenVectorsWriter w = new TokenVectorsWriter(ch, dim);
    w.buf.put(TokenVectorsFormat.MAGIC).putInt(TokenVectorsFormat.VERSION).putInt(dim);
    return w;
  }

  /**
   * Appends one document.
   *
   * @param vectors {@code tokenCount × dim} floats, row-major (not checked for finiteness: the
   *     reader does that, so tests can write bad values)
   */
  public void write(String id, float[] vectors, int tokenCount) throws IOException {
    byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
    if ((long) tokenCount * dim != vectors.length) {
      throw new IllegalArgumentException(vectors.length + " floats for " + tokenCount + " tokens of dim " + dim);
    }
    room(2 * Integer.BYTES + utf8.length);
    buf.putInt(utf8.length).put(utf8).putInt(tokenCount);
    int done = 0;
    while (done < vectors.length) {
      room(Float.BYTES);
      int n = Math.min(vectors.length - done, buf.remaining() / Float.BYTES);
      buf.asFloatBuffer().put(vectors, done, n);
      buf.position(buf.position() + n * Float.BYTES);
      done += n;
    }
    records++;
  }

  /** Documents written so far. */
  public long records() {
    return records;
  }

  private void room(int bytes) throws IOException {
    if (buf.remaining() < bytes) {
      flush();
      if (buf.remaining() < bytes) {
        throw new IllegalArgumentException("a record header of " + bytes + " bytes does not fit the buffer");
      }
    }
  }

  private void flush() throws IOException {
    buf.flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    buf.clear();
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      channel.close();
    }
  }
}

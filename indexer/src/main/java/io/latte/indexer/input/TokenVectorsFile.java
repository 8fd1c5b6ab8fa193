package io.latte.indexer.input;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;

/**
 * Streams a {@link TokenVectorsFormat} file as documents that bring their vectors (no title, text
 * or metadata; pair it with a corpus file through {@link VectorsWithCorpus} for those). One fixed
 * buffer is refilled from a {@link FileChannel} and floats are copied out in bulk ({@link
 * java.nio.FloatBuffer#get(float[], int, int)}), so only the current document is in memory and no
 * number is parsed or boxed.
 *
 * <p>A record's "line" is its 1-based number in the file. A document that cannot be indexed (empty
 * id, no vectors, a NaN or infinite value) becomes a {@link BadDocument} naming file, record and
 * byte offset, and reading goes on. A broken file (wrong magic or version, a length out of range,
 * a truncated record) cannot be read past and stops with an {@link UncheckedIOException} naming the
 * file, record and byte offset.
 */
public final class TokenVectorsFile extends FileRecords {

  private static final int BUFFER_BYTES = 1 << 20;

  private final String location;
  private final FileChannel channel;
  private final int dim;
  private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES).order(TokenVectorsFormat.ORDER);
  /** File offset of {@code buf}'s position 0. */
  private long bufferStart;
  private long record;

  private TokenVectorsFile(Path path, FileChannel channel) throws IOException {
    super(path, "vectors");
    this.location = path.toString();
    this.channel = channel;
    buf.limit(0);
    if (!fill(TokenVectorsFormat.HEADER_BYTES)) {
      throw new IOException(location + " is not a latte token-vectors file: shorter than its "
          + TokenVectorsFormat.HEADER_BYTES + "-byte header");
    }
    byte[] magic = new byte[TokenVectorsFormat.MAGIC.length];
    buf.get(magic);
    if (!Arrays.equals(magic, TokenVectorsFormat.MAGIC)) {
      throw new IOException(location + " is not a latte token-vectors file: it does not start with \"LATTEVEC\"");
    }
    int version = buf.getInt();
    if (version != TokenVectorsFormat.VERSION) {
      throw new IOException(location + " has token-vectors format version " + version + "; this latte reads version "
          + TokenVectorsFormat.VERSION);
    }
    this.dim = buf.getInt();
    if (dim < 1 || dim > TokenVectors.MAX_DIM) {
      throw new IOException(location + ": dim " + dim + " in the header is outside [1, " + TokenVectors.MAX_DIM + "]");
    }
  }

  /** Opens the file and reads its header. */
  public static TokenVectorsFile open(Path path) throws IOException {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read vectors " + path + ": no such file", e);
    }
    try {
      return new TokenVectorsFile(path, ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** The dimension in the file's header. */
  public static int readDim(Path path) throws IOException {
    try (TokenVectorsFile f = open(path)) {
      return f.dim;
    }
  }

  /** Counts the records by their lengths alone, skipping the vectors (for the progress bar's total). */
  public static long countRecords(Path path) throws IOException {
    try (TokenVectorsFile f = open(path)) {
      long n = 0;
      while (f.skipRecord()) {
        n++;
      }
      return n;
    }
  }

  public int dim() {
    return dim;
  }

  @Override
  FileRecords openAgain() throws IOException {
    return open(path());
  }

  @Override
  long skipRecordAt() {
    try {
      return skipRecord() ? record : -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  SourceRecord read() {
    try {
      return readRecord();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** The next record, or null at the end of the file. */
  private SourceRecord readRecord() throws IOException {
    long at = position();
    if (!fill(1)) {
      return null;
    }
    long n = ++record;
    String id = readId(at);
    int tokens = readTokenCount(at);
    String where = "(byte " + at + ") ";
    if ((long) tokens * dim > TokenVectors.MAX_FLOATS) {
      skip((long) tokens * dim * Float.BYTES, at); // the lengths are sane: the next record can be read
      return new BadDocument(location, n, id, where + "vectors " + TokenVectors.tooLarge(tokens, dim));
    }
    float[] values = new float[tokens * dim];
    readFloats(values, at);
    if (id == null) {
      return new BadDocument(location, n, null, where + "the _id is not valid UTF-8");
    }
    if (id.isEmpty()) {
      return new BadDocument(location, n, null, where + "the _id is empty");
    }
    try {
      TokenVectors v = TokenVectors.of(values, tokens, dim, null, null, 0);
      return new SourceDocument(id, "", "", Map.of(), location, n, v);
    } catch (InvalidVectorsException e) {
      return new BadDocument(location, n, id, where + e.getMessage());
    }
  }

  /** Skips one record; false at the end of the file. */
  private boolean skipRecord() throws IOException {
    long at = position();
    if (!fill(1)) {
      return false;
    }
    record++;
    int idBytes = readIdLength(at);
    skip((long) idBytes, at);
    int tokens = readTokenCount(at);
    skip((long) tokens * dim * Float.BYTES, at);
    return true;
  }

  private String readId(long at) throws IOException {
    int len = readIdLength(at);
    need(len, at);
    byte[] utf8 = new byte[len];
    buf.get(utf8);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private int readIdLength(long at) throws IOException {
    return readCount(at, "_id length", TokenVectorsFormat.MAX_ID_BYTES);
  }

  private int readTokenCount(long at) throws IOException {
    return readCount(at, "token count", TokenVectors.MAX_TOKENS);
  }

  /** An int32 in {@code [0, max]}; anything else means the file is broken (it cannot be resynchronised). */
  private int readCount(long at, String what, int max) throws IOException {
    need(Integer.BYTES, at);
    int n = buf.getInt();
    if (n < 0 || n > max) {
      throw broken(at, what + " " + n + " is outside [0, " + max + "]");
    }
    return n;
  }

  /** Copies the next {@code dst.length} floats, refilling the buffer as often as needed. */
  private void readFloats(float[] dst, long at) throws IOException {
    int done = 0;
    while (done < dst.length) {
      need(Float.BYTES, at);
      int n = Math.min(dst.length - done, buf.remaining() / Float.BYTES);
      buf.asFloatBuffer().get(dst, done, n);
      buf.position(buf.position() + n * Float.BYTES);
      done += n;
    }
  }

  private void skip(long bytes, long at) throws IOException {
    long inBuffer = Math.min(bytes, buf.remaining());
    buf.position(buf.position() + (int) inBuffer);
    long rest = bytes - inBuffer;
    if (rest > 0) {
      long target = position() + rest;
      if (target > channel.size()) {
        throw broken(at, "truncated: the record ends at byte " + target + " but the file has " + channel.size());
      }
      channel.position(target);
      bufferStart = target;
      buf.clear().limit(0);
    }
  }

  private void need(int bytes, long at) throws IOException {
    if (!fill(bytes)) {
      throw broken(at, "truncated: the file ends inside the record");
    }
  }

  /** Makes {@code bytes} readable in the buffer; false when the file ends first. */
  private boolean fill(int bytes) throws IOException {
    if (buf.remaining() >= bytes) {
      return true;
    }
    bufferStart += buf.position();
    buf.compact();
    try {
      while (buf.position() < bytes) {
        if (channel.read(buf) < 0) {
          return false;
        }
      }
    } finally {
      buf.flip();
    }
    return true;
  }

  /** File offset of the next unread byte. */
  private long position() {
    return bufferStart + buf.position();
  }

  private IOException broken(long at, String what) {
    return new IOException("cannot read vectors " + location + " record " + record + " (byte " + at + "): " + what);
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing vectors " + location, e);
    }
  }
}

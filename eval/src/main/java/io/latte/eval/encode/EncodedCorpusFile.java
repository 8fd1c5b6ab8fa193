package io.latte.eval.encode;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * On-disk cache of an {@link EncodedCorpus}.
 *
 * <p>Layout (big-endian): {@code int magic "LTEC"}, {@code int version}, {@code UTF modelName},
 * {@code UTF modelChecksum}, {@code int dim}; then one record per document: {@code byte 1},
 * {@code UTF id}, {@code int tokenCount}, {@code int pooledLength}, {@code tokenCount·dim} floats,
 * {@code pooledLength} floats; then {@code byte 0}, {@code int documentCount} and a CRC32 (as
 * {@code long}) of every byte before it. The file is written to a temporary name and renamed when
 * complete, so a killed run never leaves a half-written cache that a later run would trust.
 */
public final class EncodedCorpusFile {
  static final int MAGIC = 0x4C544543;
  static final int VERSION = 1;

  private EncodedCorpusFile() {}

  /** Streams documents to a temporary file; {@link #commit()} makes it visible atomically. */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final CheckedOutputStream checked;
    private final DataOutputStream out;
    private final int dim;
    private int count;
    private boolean committed;

    public Writer(Path target, String modelName, String modelChecksum, int dim) throws IOException {
      this.target = target;
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.temp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
      OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING);
      this.checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 20), new CRC32());
      this.out = new DataOutputStream(checked);
      this.dim = dim;
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(modelName);
      out.writeUTF(modelChecksum);
      out.writeInt(dim);
    }

    public void add(String id, float[] tokens, float[] pooled) throws IOException {
      if (tokens.length % dim != 0) {
        throw new IllegalArgumentException("token matrix of " + id + " is not a multiple of dim " + dim);
      }
      out.writeByte(1);
      out.writeUTF(id);
      out.writeInt(tokens.length / dim);
      out.writeInt(pooled.length);
      writeFloats(tokens);
      writeFloats(pooled);
      count++;
    }

    private void writeFloats(float[] values) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
      buf.asFloatBuffer().put(values);
      out.write(buf.array());
    }

    public void commit() throws IOException {
      out.writeByte(0);
      out.writeInt(count);
      out.flush();
      long crc = checked.getChecksum().getValue();
      out.writeLong(crc);
      out.close();
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        out.close();
        Files.deleteIfExists(temp);
      }
    }
  }

  /** The header of a cache file. */
  public record Header(String modelName, String modelChecksum, int dim) {}

  /** Receives the documents of a cache file one by one ({@link #stream}). */
  @FunctionalInterface
  public interface Visitor {
    /** @param tokens row-major {@code [tokenCount × dim]}; @param pooled the pooled vector, or empty */
    void document(String id, float[] tokens, float[] pooled) throws IOException;
  }

  /** Reads a whole cache file; a truncated or corrupted file is an {@link IOException} naming it. */
  public static EncodedCorpus read(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    List<float[]> tokens = new ArrayList<>();
    List<float[]> pooled = new ArrayList<>();
    Header h = stream(file, (id, t, p) -> {
      ids.add(id);
      tokens.add(t);
      pooled.add(p);
    });
    return new EncodedCorpus(h.modelName(), h.modelChecksum(), h.dim(), ids, tokens, pooled);
  }

  /**
   * Reads a cache file document by document, holding one at a time (a large corpus need not fit in
   * memory). The checksum covers the whole file, so it is verified after the visitor has seen every
   * document: a truncated or corrupted file is an {@link IOException} naming it, at the end.
   */
  public static Header stream(Path file, Visitor visitor) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      CheckedInputStream checked = new CheckedInputStream(new BufferedInputStream(raw, 1 << 20), new CRC32());
      DataInputStream in = new DataInputStream(checked);
      if (in.readInt() != MAGIC) {
        throw new IOException(file + ": not an encoded-corpus file (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": encoded-corpus version " + version + ", expected " + VERSION);
      }
      Header header = new Header(in.readUTF(), in.readUTF(), in.readInt());
      int seen = 0;
      while (in.readByte() == 1) {
        String id = in.readUTF();
        int n = in.readInt();
        int p = in.readInt();
        float[] tokens = readFloats(in, n * header.dim());
        visitor.document(id, tokens, readFloats(in, p));
        seen++;
      }
      int count = in.readInt();
      long expected = checked.getChecksum().getValue();
      long stored = in.readLong();
      if (count != seen || expected != stored) {
        throw new IOException(file + ": encoded-corpus file is corrupted (checksum or count mismatch)");
      }
      return header;
    } catch (EOFException e) {
      throw new IOException(file + ": encoded-corpus file is truncated", e);
    }
  }

  private static float[] readFloats(DataInputStream in, int n) throws IOException {
    byte[] bytes = new byte[n * Float.BYTES];
    in.readFully(bytes);
    float[] values = new float[n];
    ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}

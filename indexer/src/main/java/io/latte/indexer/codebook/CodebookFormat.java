package io.latte.indexer.codebook;

import io.latte.indexer.format.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Reads and writes the byte layout documented on {@link Codebook}; the constants for it live here
 * only.
 */
final class CodebookFormat {

  static final byte[] MAGIC = {'L', 'T', 'C', 'B'};
  static final int HEADER_BYTES = 32;
  static final int FOOTER_BYTES = 4;
  static final int FLAG_PROJECTION = 1;
  static final int FLAG_POOLED = 2;
  /** Version 2 only, refused: decoded vectors scaled to unit length by a scale computed from the codes. */
  static final int FLAG_UNIT_DECODE = 4;
  /** Version 3: every token's codes end with a {@link TokenScale} byte. */
  static final int FLAG_TOKEN_SCALE = 8;

  private CodebookFormat() {}

  static void write(Codebook cb, Path path) throws IOException {
    ResidualQuantizer q = cb.quantizer();
    int levels = 1 << q.bits();
    long floats =
        (cb.projection().isPresent() ? (long) cb.dim() * cb.inputDim() : 0)
            + (long) cb.numCentroids() * cb.dim()
            + (long) cb.dim() * (levels - 1)
            + (long) cb.dim() * levels
            + 2L * cb.dim();
    long size = HEADER_BYTES + 4 * floats + FOOTER_BYTES;
    if (size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("codebook too large to write: " + size + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC);
    buf.putInt(Codebook.FORMAT_VERSION);
    buf.putInt(cb.inputDim());
    buf.putInt(cb.dim());
    buf.putInt(cb.numCentroids());
    buf.putInt(q.bits());
    int flags = (cb.projection().isPresent() ? FLAG_PROJECTION : 0)
        | (q.mode() == ResidualQuantizer.Mode.POOLED ? FLAG_POOLED : 0)
        | (cb.storesScale() ? FLAG_TOKEN_SCALE : 0);
    buf.putInt(flags);
    buf.putFloat(cb.trainingError());
    cb.projection().ifPresent(p -> putFloats(buf, p.matrixNoCopy()));
    putFloats(buf, cb.centroidsNoCopy());
    putFloats(buf, q.cutoffs());
    putFloats(buf, q.weights());
    putFloats(buf, q.min());
    putFloats(buf, q.max());
    CRC32 crc = new CRC32();
    crc.update(buf.array(), 0, buf.position());
    buf.putInt((int) crc.getValue());
    buf.flip();
    AtomicFiles.write(path, java.util.Arrays.copyOf(buf.array(), buf.limit()));
  }

  private static void putFloats(ByteBuffer buf, float[] a) {
    buf.asFloatBuffer().put(a);
    buf.position(buf.position() + 4 * a.length);
  }

  private static float[] getFloats(ByteBuffer buf, long n) {
    float[] a = new float[(int) n];
    buf.asFloatBuffer().get(a);
    buf.position(buf.position() + 4 * a.length);
    return a;
  }

  /** Flags beyond projection and pooling that a file of {@code version} may carry. */
  private static int allowedFlags(int version) {
    return switch (version) {
      case 1 -> 0;
      case 2 -> FLAG_UNIT_DECODE;
      default -> FLAG_TOKEN_SCALE;
    };
  }

  static Codebook read(Path path) throws IOException {
    String resource = path.toString();
    long fileSize = Files.size(path);
    if (fileSize > Integer.MAX_VALUE) {
      throw new CorruptIndexException("codebook file too large: " + fileSize + " bytes", resource);
    }
    byte[] bytes = Files.readAllBytes(path);
    if (bytes.length < HEADER_BYTES + FOOTER_BYTES) {
      throw new CorruptIndexException(
          "codebook truncated: " + bytes.length + " bytes, a header and footer need "
              + (HEADER_BYTES + FOOTER_BYTES), resource);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < MAGIC.length; i++) {
      if (buf.get() != MAGIC[i]) {
        throw new CorruptIndexException(
            "not a latte codebook: the file does not start with magic \"LTCB\"", resource);
      }
    }
    int version = buf.getInt();
    if (version > Codebook.FORMAT_VERSION) {
      throw new IndexFormatTooNewException(
          resource, version, Codebook.MIN_FORMAT_VERSION, Codebook.FORMAT_VERSION);
    }
    if (version < Codebook.MIN_FORMAT_VERSION) {
      throw new IndexFormatTooOldException(
          resource, version, Codebook.MIN_FORMAT_VERSION, Codebook.FORMAT_VERSION);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - FOOTER_BYTES);
    int stored = ByteBuffer.wrap(bytes, bytes.length - FOOTER_BYTES, FOOTER_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (stored != (int) crc.getValue()) {
      throw new CorruptIndexException(
          String.format(
              "codebook checksum failed: stored CRC32 %08x, computed %08x (the file is damaged;"
                  + " retrain or restore it)", stored, (int) crc.getValue()),
          resource);
    }
    int inputDim = buf.getInt();
    int dim = buf.getInt();
    int k = buf.getInt();
    int bits = buf.getInt();
    int flags = buf.getInt();
    float trainingError = buf.getFloat();
    if (inputDim < 1 || dim < 1 || dim > inputDim || k < 1 || (bits != 1 && bits != 2 && bits != 4)
        || (flags & ~(FLAG_PROJECTION | FLAG_POOLED | allowedFlags(version))) != 0
        || ((flags & FLAG_PROJECTION) == 0 && dim != inputDim)) {
      throw new CorruptIndexException(
          "codebook header invalid: inputDim=" + inputDim + " dim=" + dim + " numCentroids=" + k
              + " bits=" + bits + " flags=" + flags, resource);
    }
    if ((flags & FLAG_UNIT_DECODE) != 0) {
      // an index built with `latte index --unit-length-decoding` (one release): its codes hold no
      // scale byte, and computing scales from codes on the search path was dropped as too slow
      throw new IndexFormatTooOldException(resource, "this codebook (format 2) decodes to unit length from scales"
          + " computed at search time, which this latte replaced by a stored scale byte per token: rebuild the"
          + " index into a new directory with `latte index --corpus <corpus> --index <new dir>`");
    }
    boolean hasProjection = (flags & FLAG_PROJECTION) != 0;
    int levels = 1 << bits;
    long floats = (hasProjection ? (long) dim * inputDim : 0) + (long) k * dim
        + (long) dim * (levels - 1) + (long) dim * levels + 2L * dim;
    long expected = HEADER_BYTES + 4 * floats + FOOTER_BYTES;
    if (expected != bytes.length) {
      throw new CorruptIndexException(
          "codebook length " + bytes.length + " does not match its header (expected " + expected
              + " bytes)", resource);
    }
    try {
      Projection projection =
          hasProjection ? new Projection(getFloats(buf, (long) dim * inputDim), inputDim, dim) : null;
      float[] centroids = getFloats(buf, (long) k * dim);
      float[] cutoffs = getFloats(buf, (long) dim * (levels - 1));
      float[] weights = getFloats(buf, (long) dim * levels);
      float[] min = getFloats(buf, dim);
      float[] max = getFloats(buf, dim);
      ResidualQuantizer.Mode mode = (flags & FLAG_POOLED) != 0
          ? ResidualQuantizer.Mode.POOLED : ResidualQuantizer.Mode.PER_DIMENSION;
      ResidualQuantizer q = new ResidualQuantizer(bits, dim, mode, cutoffs, weights, min, max);
      return new Codebook(
          inputDim, projection, centroids, k, q, trainingError, (flags & FLAG_TOKEN_SCALE) != 0);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("codebook content invalid: " + e.getMessage(), resource, e);
    }
  }
}

package io.latte.indexer.input;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The binary token-vectors file ({@code latte index --vectors FILE}), for corpora encoded outside
 * latte. Everything little-endian, no padding:
 *
 * <pre>
 * header   magic  8 bytes  "LATTEVEC"
 *          version int32   1
 *          dim     int32   floats per token vector
 * record   idLength   int32   bytes of the _id, 1..32766
 *  (×N)    id         UTF-8
 *          tokenCount int32   token vectors in this document, 1..2^20
 *          vectors    float32 × tokenCount × dim, row-major (token by token)
 * </pre>
 *
 * The file ends after the last record; the number of records is not stored, so a producer can
 * stream it. It is {@code numpy}-friendly: a document's vectors are {@code
 * array.astype('<f4').tobytes()}. 100 tokens of 384 floats take 153.6 kB, 3× less than the same
 * numbers as JSON text, and are read ≈ 50× faster, with bulk copies instead of number parsing
 * (docs/BENCHMARKS.md §6).
 */
public final class TokenVectorsFormat {

  /** The first 8 bytes of every such file. */
  public static final byte[] MAGIC = "LATTEVEC".getBytes(StandardCharsets.US_ASCII);

  public static final int VERSION = 1;

  /** Magic, version, dim. */
  public static final int HEADER_BYTES = MAGIC.length + 2 * Integer.BYTES;

  /** Lucene's limit on an indexed term, which the {@code _id} is. */
  public static final int MAX_ID_BYTES = 32766;

  public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

  private TokenVectorsFormat() {}
}

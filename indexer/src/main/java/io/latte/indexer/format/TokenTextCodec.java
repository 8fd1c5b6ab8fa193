package io.latte.indexer.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * Byte layout of {@link LatteIndexFormat#FIELD_TOKEN_TEXT} (documented on {@link
 * LatteIndexFormat}): per token, a vint {@code start + 1}, the length when the token has offsets,
 * and the UTF-8 token string. The stored-fields format compresses it further.
 */
public final class TokenTextCodec {

  private TokenTextCodec() {}

  /** The stored bytes of one document's tokens. */
  public static BytesRef encode(String[] tokens, int[] starts, int[] ends) {
    byte[][] utf8 = new byte[tokens.length][];
    int size = 5;
    for (int i = 0; i < tokens.length; i++) {
      utf8[i] = tokens[i].getBytes(StandardCharsets.UTF_8);
      size += 15 + utf8[i].length;
    }
    byte[] buf = new byte[size];
    ByteArrayDataOutput out = new ByteArrayDataOutput(buf);
    try {
      out.writeVInt(tokens.length);
      for (int i = 0; i < tokens.length; i++) {
        int start = starts[i] < 0 || ends[i] < starts[i] ? -1 : starts[i];
        out.writeVInt(start + 1);
        if (start >= 0) {
          out.writeVInt(ends[i] - start);
        }
        out.writeVInt(utf8[i].length);
        out.writeBytes(utf8[i], utf8[i].length);
      }
    } catch (IOException e) {
      throw new AssertionError("writing to a byte array cannot fail", e);
    }
    return new BytesRef(buf, 0, out.getPosition());
  }

  /** Parses stored bytes written by {@link #encode}. */
  public static TokenText decode(BytesRef value, String resource) throws CorruptIndexException {
    ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
    try {
      int n = in.readVInt();
      if (n < 0 || n > value.length) {
        throw new CorruptIndexException("token text: bad token count " + n, resource);
      }
      String[] tokens = new String[n];
      int[] starts = new int[n];
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        int start = in.readVInt() - 1;
        starts[i] = start;
        ends[i] = start < 0 ? -1 : start + in.readVInt();
        int len = in.readVInt();
        if (len < 0 || len > in.length() - in.getPosition()) {
          throw new CorruptIndexException("token text: token " + i + " overruns the value", resource);
        }
        tokens[i] = new String(value.bytes, in.getPosition(), len, StandardCharsets.UTF_8);
        in.skipBytes(len);
      }
      return new TokenText(tokens, starts, ends);
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new CorruptIndexException("token text: truncated value", resource, e);
    }
  }
}

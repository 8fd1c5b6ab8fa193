package io.latte.eval.beir;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the non-blank lines of a dataset text file, remembering line numbers for error messages.
 * Decompresses {@code .gz} files, drops a leading UTF-8 byte-order mark (Windows editors write one),
 * and accepts {@code \n} and {@code \r\n} line ends.
 *
 * <p>Lines are split as bytes and decoded one at a time because a {@link java.io.BufferedReader} over a
 * strict decoder reports a bad byte when it fills its buffer, i.e. at the wrong line. Bytes that are
 * not UTF-8 are an error naming the line rather than a silent U+FFFD in a document id.
 */
final class NumberedLineReader implements Closeable {
  private static final char BOM = '\uFEFF';
  private static final char REPLACEMENT = '\uFFFD';

  private final InputStream in;
  private final String location;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private byte[] line = new byte[1 << 10];
  private long lineNumber;

  private NumberedLineReader(InputStream in, String location) {
    this.in = in;
    this.location = location;
  }

  static NumberedLineReader open(DatasetSource source, String relativePath) throws IOException {
    InputStream in = source.open(relativePath);
    try {
      if (relativePath.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new NumberedLineReader(in, source.location(relativePath));
    } catch (IOException e) {
      in.close();
      throw new IOException("cannot read " + source.location(relativePath) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The next line that is not blank, or {@code null} at the end of the file.
   *
   * @throws BeirFormatException if the line is not valid UTF-8
   */
  String nextNonBlank() throws IOException {
    while (true) {
      int length = readLineBytes();
      if (length < 0) {
        return null;
      }
      lineNumber++;
      String text = decode(length);
      if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BOM) {
        text = text.substring(1);
      }
      if (!text.isBlank()) {
        return text;
      }
    }
  }

  /** Reads bytes up to the next '\n' into {@link #line}; returns their count without '\r', or -1 at end. */
  private int readLineBytes() throws IOException {
    int length = 0;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (!any) {
            return -1;
          }
          break;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      length = append(length, start, position - start);
      if (position < limit) {
        position++; // the '\n'
        break;
      }
    }
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }

  private int append(int length, int start, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
    }
    System.arraycopy(buffer, start, line, length, count);
    return length + count;
  }

  private String decode(int length) {
    // The JDK's lenient decoder is much faster; only a line with U+FFFD in it needs a strict look.
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) >= 0) {
      checkStrictUtf8(length);
    }
    return text;
  }

  private void checkStrictUtf8(int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CoderResult result = decoder.decode(bytes, CharBuffer.allocate(length), true);
    if (result.isError()) {
      throw error("not valid UTF-8 (bad byte at byte offset " + bytes.position() + " of the line)");
    }
  }

  /** The 1-based number of the line last returned. */
  long lineNumber() {
    return lineNumber;
  }

  String location() {
    return location;
  }

  /** A format error on the line last returned. */
  BeirFormatException error(String reason) {
    return new BeirFormatException(location, lineNumber, reason);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package io.latte.indexer.input;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams a BEIR-style corpus file: one JSON object per line, {@code {"_id", "title"?, "text",
 * "metadata"?}}, plain or gzip ({@code .gz}). Given a directory, reads its {@code corpus.jsonl} or
 * {@code corpus.jsonl.gz} (a BEIR dataset folder). Only the current line is in memory.
 *
 * <p>A line that is not a valid document becomes a {@link BadDocument} naming file, line and reason
 * (via {@link CorpusLines}); reading continues with the next line, and the builder's policy decides
 * whether to skip or stop. A file that cannot be opened or read is an {@link IOException} /
 * {@link UncheckedIOException} naming it: that always stops.
 */
public final class CorpusFile extends FileRecords {

  /** Names looked for in a BEIR dataset folder, in order. */
  public static final String[] CORPUS_NAMES = {"corpus.jsonl", "corpus.jsonl.gz"};

  private final BufferedReader reader;
  private long lineNumber;

  private CorpusFile(Path path, BufferedReader reader) throws IOException {
    super(path, "corpus");
    this.reader = reader;
  }

  /**
   * Opens a corpus file or a dataset folder holding one.
   *
   * @throws IOException naming the path when it is missing, unreadable or not gzip despite its name
   */
  public static CorpusFile open(Path fileOrDir) throws IOException {
    Path path = resolve(fileOrDir);
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new IOException("cannot read corpus " + path + ": no such file", e);
    } catch (IOException e) {
      throw new IOException("cannot read corpus " + path + ": " + e.getMessage(), e);
    }
    try {
      if (path.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      // Lenient decoding: a stray non-UTF-8 byte becomes U+FFFD in the text rather than losing the line.
      return new CorpusFile(
          path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
    } catch (IOException e) {
      in.close();
      throw new IOException("cannot read corpus " + path + ": " + e.getMessage(), e);
    }
  }

  /** The corpus file for {@code fileOrDir}: itself, or the corpus file inside a dataset folder. */
  public static Path resolve(Path fileOrDir) throws IOException {
    if (!Files.isDirectory(fileOrDir)) {
      if (!Files.exists(fileOrDir)) {
        throw new NoSuchFileException(fileOrDir.toString(), null, "cannot read corpus: no such file");
      }
      return fileOrDir;
    }
    for (String name : CORPUS_NAMES) {
      Path p = fileOrDir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new NoSuchFileException(
        fileOrDir.toString(), null, "cannot read corpus: the folder has no corpus.jsonl or corpus.jsonl.gz");
  }

  /**
   * Counts the non-blank lines of a corpus (one fast pass, no JSON parsing), for the progress bar's
   * total and the automatic centroid count.
   */
  public static long countRecords(Path fileOrDir) throws IOException {
    try (CorpusFile f = open(fileOrDir)) {
      long n = 0;
      String line;
      while ((line = f.reader.readLine()) != null) {
        if (!line.isBlank()) {
          n++;
        }
      }
      return n;
    }
  }

  @Override
  FileRecords openAgain() throws IOException {
    return open(path());
  }

  @Override
  long skipRecordAt() {
    return nextLine() == null ? -1 : lineNumber;
  }

  @Override
  SourceRecord read() {
    String line = nextLine();
    if (line == null) {
      return null;
    }
    if (lineNumber == 1 && line.charAt(0) == '\uFEFF') {
      line = line.substring(1); // byte-order mark written by some Windows editors
    }
    return CorpusLines.parse(line, location(), lineNumber);
  }

  /** The next non-blank line, or null at the end of the file. */
  private String nextLine() {
    String line;
    try {
      do {
        line = reader.readLine();
        lineNumber++;
      } while (line != null && line.isBlank());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read corpus " + location() + " after line " + (lineNumber - 1) + ": " + e.getMessage(), e);
    }
    return line;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing corpus " + location(), e);
    }
  }
}

package io.latte.eval.beir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Streams a JSONL file one object at a time: only the current line is in memory. Blank lines are
 * skipped; each other line must hold exactly one JSON object.
 *
 * @param <T> what each line is parsed into
 */
final class JsonLinesReader<T> implements CloseableIterator<T> {
  /**
   * Strict on purpose: a duplicated key or text after the object usually means two records were glued
   * together by a broken export, and silently keeping one of them would corrupt the evaluation.
   */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final NumberedLineReader lines;
  private final Function<JsonLine, T> parser;
  private T next;
  private boolean finished;

  private JsonLinesReader(NumberedLineReader lines, Function<JsonLine, T> parser) {
    this.lines = lines;
    this.parser = parser;
  }

  static <T> JsonLinesReader<T> open(
      DatasetSource source, String relativePath, Function<JsonLine, T> parser) throws IOException {
    return new JsonLinesReader<>(NumberedLineReader.open(source, relativePath), parser);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      advance();
    }
    return next != null;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("end of " + lines.location());
    }
    T result = next;
    next = null;
    return result;
  }

  private void advance() {
    String line;
    try {
      line = lines.nextNonBlank();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "reading " + lines.location() + " after line " + lines.lineNumber(), e);
    }
    if (line == null) {
      finished = true;
      return;
    }
    next = parser.apply(new JsonLine(parseObject(line), lines.location(), lines.lineNumber()));
  }

  private ObjectNode parseObject(String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BeirFormatException(
          lines.location(), lines.lineNumber(), "malformed JSON: " + e.getOriginalMessage(), e);
    }
    if (!(node instanceof ObjectNode object)) {
      throw lines.error("expected a JSON object, found " + node.getNodeType());
    }
    return object;
  }

  @Override
  public void close() {
    try {
      lines.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + lines.location(), e);
    }
  }
}

package io.latte.indexer.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;

/** Reads and (atomically) writes {@link IndexMeta} as snake_case JSON. */
public final class IndexMetaFile {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          // Newer writers of the same format version may add fields; they are informational.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private IndexMetaFile() {}

  public static void write(Path indexDir, IndexMeta meta) throws IOException {
    AtomicFiles.write(indexDir.resolve(LatteIndexFormat.META_FILE), JSON.writeValueAsBytes(meta));
  }

  /**
   * @throws NoSuchFileException when the file is missing
   * @throws CorruptIndexException when it is not valid meta JSON
   * @throws IndexFormatTooNewException for a newer version; an IOException naming the rebuild command for an older one
   */
  public static IndexMeta read(Path indexDir) throws IOException {
    Path file = indexDir.resolve(LatteIndexFormat.META_FILE);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          file.toString(), null, "not a latte index: " + LatteIndexFormat.META_FILE + " is missing");
    }
    IndexMeta meta;
    try {
      meta = JSON.readValue(bytes, IndexMeta.class);
    } catch (JsonProcessingException e) {
      throw new CorruptIndexException("index meta is not valid JSON: " + e.getOriginalMessage(), file.toString(), e);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("index meta is not valid: " + e.getMessage(), file.toString(), e);
    }
    int v = meta.formatVersion();
    int current = LatteIndexFormat.FORMAT_VERSION;
    if (v > current) {
      throw new IndexFormatTooNewException(file.toString(), v, current, current);
    }
    if (v < current) {
      throw LatteIndexFormat.obsolete(indexDir.toString(), v);
    }
    return meta;
  }

  /** Pretty JSON of a meta (for {@code latte stats}). */
  public static String toJson(IndexMeta meta) {
    try {
      return JSON.writeValueAsString(meta);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

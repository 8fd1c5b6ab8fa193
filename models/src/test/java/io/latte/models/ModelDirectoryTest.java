package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models opened from directories (model.onnx + tokenizer.json + latte-model.json), using the
 * embedded bge files under ColBERT-style specs, and the errors a wrong directory or spec gives.
 */
class ModelDirectoryTest {

  @TempDir
  static Path root;

  private static String spec(String extra) {
    return "{\"name\": \"colbert-style-test\", \"output\": \"last_hidden_state\", \"dim\": 384"
        + extra + "}";
  }

  private static String openError(Path dir) {
    return assertThrows(IllegalArgumentException.class,
        () -> Encoders.open(dir.toString(), TestModels.OPTIONS)).getMessage();
  }

  @Test
  void literalPrefixesAndMaskAugmentation() {
    Path dir = TestModels.bgeDirectory(root, "prefix", spec("""
        , "pooling": "none", "queryPrefix": "[Q] ", "documentPrefix": "[D] ",
        "queryMaxLength": 12, "documentMaxLength": 10, "queryAugmentation": true"""), true);
    try (OnnxTokenEncoder encoder = (OnnxTokenEncoder) Encoders.open(dir.toString(), TestModels.OPTIONS)) {
      assertEquals("colbert-style-test", encoder.info().name());
      assertArrayEquals(new long[] {101, 1031, 1053, 1033, 7592, 2088, 102,
          103, 103, 103, 103, 103}, encoder.queryInput("hello world").ids());
      assertArrayEquals(new long[] {101, 1031, 1040, 1033, 7592, 2088, 102},
          encoder.documentInput("hello world").ids());

      EncodedText q = encoder.encodeQuery("hello world");
      assertEquals(12, q.length()); // [MASK] vectors are kept: they are the query expansion
      assertArrayEquals(new String[] {"[CLS]", "[", "q", "]", "hello", "world", "[SEP]",
          "[MASK]", "[MASK]", "[MASK]", "[MASK]", "[MASK]"}, q.tokens());
      assertArrayEquals(new int[] {-1, -1, -1, -1, 0, 6, -1, -1, -1, -1, -1, -1}, q.starts());
      assertNull(q.pooled());
      for (float[] v : q.vectors()) {
        assertEquals(1.0, VectorMath.norm(v), 1e-5);
      }
      // Spec lengths win over options: documentMaxLength 10 although the options say 300.
      EncodedText d = encoder.encodeDocuments(List.of("word ".repeat(50))).get(0);
      assertEquals(10, d.length());
      assertEquals("[SEP]", d.tokens()[9]);
    }
  }

  @Test
  void markerTokensSkiplistAndDroppedSpecialTokens() {
    Path dir = TestModels.bgeDirectory(root, "marker", spec("""
        , "pooling": "mean", "queryMarker": "[unused0]", "documentMarker": "[unused1]",
        "queryMaxLength": 8, "queryAugmentation": true, "skiplist": [",", "."],
        "keepSpecialTokens": false"""), true);
    try (OnnxTokenEncoder encoder = (OnnxTokenEncoder) Encoders.open(dir.toString(), TestModels.OPTIONS)) {
      assertArrayEquals(new long[] {101, 1, 7592, 2088, 102, 103, 103, 103},
          encoder.queryInput("hello world").ids());
      assertArrayEquals(new long[] {101, 2, 7592, 1010, 2088, 1012, 102},
          encoder.documentInput("Hello, world.").ids());

      // keepSpecialTokens false drops [CLS], [SEP] and the marker, never the [MASK] expansion.
      EncodedText q = encoder.encodeQuery("hello world");
      assertArrayEquals(new String[] {"hello", "world", "[MASK]", "[MASK]", "[MASK]"}, q.tokens());
      // The skiplist applies to documents only.
      EncodedText d = encoder.encodeDocuments(List.of("Hello, world.")).get(0);
      assertArrayEquals(new String[] {"hello", "world"}, d.tokens());
      assertArrayEquals(new int[] {0, 7}, d.starts());
      assertArrayEquals(new int[] {5, 12}, d.ends());
      assertEquals(1.0, VectorMath.norm(d.pooled()), 1e-5);
      EncodedText punctuationQuery = encoder.encodeQuery("hello, world");
      assertTrue(List.of(punctuationQuery.tokens()).contains(","));
    }
  }

  @Test
  void specOfADirectoryNeedsNoModelFile() {
    Path dir = TestModels.bgeDirectory(root, "spec-only", spec(", \"pooling\": \"cls\""), false);
    assertEquals(ModelSpec.Pooling.CLS, Encoders.spec(dir.toString()).pooling());
  }

  @Test
  void missingDirectoryNamesPathAndExpectedFiles() {
    Path missing = root.resolve("does-not-exist");
    String message = openError(missing);
    assertTrue(message.contains(missing.toString()), message);
    assertTrue(message.contains("model.onnx, tokenizer.json and latte-model.json"), message);
    assertTrue(message.contains("bge-small-en-v15-q"), message);
  }

  @Test
  void missingModelFileIsNamed() {
    Path dir = TestModels.bgeDirectory(root, "no-model", spec(""), false);
    String message = openError(dir);
    assertTrue(message.contains("has no model.onnx"), message);
    assertTrue(message.contains(dir.resolve("model.onnx").toString()), message);
  }

  @Test
  void wrongOutputNameListsTheModelsOutputs() {
    Path dir = TestModels.bgeDirectory(root, "bad-output",
        "{\"name\": \"x\", \"output\": \"token_embeddings\", \"dim\": 384}", true);
    String message = openError(dir);
    assertTrue(message.contains("no output \"token_embeddings\""), message);
    assertTrue(message.contains("[last_hidden_state]"), message);
  }

  @Test
  void dimMismatchIsReportedAtLoad() {
    Path dir = TestModels.bgeDirectory(root, "bad-dim",
        "{\"name\": \"x\", \"output\": \"last_hidden_state\", \"dim\": 128}", true);
    String message = openError(dir);
    assertTrue(message.contains("says dim 128") && message.contains("last dimension 384"), message);
  }

  @Test
  void markerAbsentFromVocabularyIsAnError() {
    Path dir = TestModels.bgeDirectory(root, "bad-marker", spec(", \"queryMarker\": \"[Q]\""), true);
    String message = openError(dir);
    assertTrue(message.contains("queryMarker \"[Q]\" is not in the tokenizer's vocabulary"), message);
  }

  @Test
  void invalidSpecFileIsNamed() {
    Path dir = TestModels.bgeDirectory(root, "bad-spec", spec(", \"pooling\": \"max\""), false);
    String message = openError(dir);
    assertTrue(message.contains(dir.resolve("latte-model.json").toString()), message);
    assertTrue(message.contains("pooling must be one of"), message);
  }

  @Test
  void fileInsteadOfDirectory() {
    Path dir = TestModels.bgeDirectory(root, "file-not-dir", spec(""), false);
    String message = openError(dir.resolve("latte-model.json"));
    assertTrue(message.contains("is a file; expected a directory"), message);
  }
}

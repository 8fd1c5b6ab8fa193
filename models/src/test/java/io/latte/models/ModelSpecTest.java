package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

  private static ModelSpec parse(String json) {
    return ModelSpec.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
  }

  @Test
  void minimalSpecGetsDocumentedDefaults() {
    ModelSpec s = parse("{\"name\":\"m\",\"output\":\"out\",\"dim\":128}");
    assertEquals(ModelSpec.of("m", "out", 128), s);
    assertEquals(ModelSpec.Pooling.NONE, s.pooling());
    assertTrue(s.normalize());
    assertEquals("", s.queryPrefix());
    assertEquals("", s.documentPrefix());
    assertNull(s.queryMarker());
    assertNull(s.documentMarker());
    assertNull(s.queryMaxLength());
    assertNull(s.documentMaxLength());
    assertFalse(s.queryAugmentation());
    assertEquals("[MASK]", s.maskToken());
    assertEquals(List.of(), s.skiplist());
    assertTrue(s.keepSpecialTokens());
  }

  @Test
  void fullSpecParsesEveryField() {
    ModelSpec s = parse("""
        {"name": "colbert", "output": "contextual", "dim": 128, "pooling": "MEAN",
         "normalize": false, "queryPrefix": "[Q] ", "documentPrefix": "[D] ",
         "queryMarker": "[unused0]", "documentMarker": "[unused1]",
         "queryMaxLength": 32, "documentMaxLength": 180, "queryAugmentation": true,
         "maskToken": "<mask>", "skiplist": [".", ","], "keepSpecialTokens": false}
        """);
    assertEquals(new ModelSpec("colbert", "contextual", 128, ModelSpec.Pooling.MEAN, false,
        "[Q] ", "[D] ", "[unused0]", "[unused1]", 32, 180, true, "<mask>", List.of(".", ","),
        false), s);
  }

  @Test
  void toJsonRoundTrips() {
    ModelSpec s = new ModelSpec("colbert", "contextual", 128, ModelSpec.Pooling.CLS, true,
        "[Q] ", "", "[unused0]", null, 32, null, true, "[MASK]", List.of("."), true);
    assertEquals(s, parse(s.toJson()));
  }

  @Test
  void lengthsResolveOptionThenSpecThenDefault() {
    EncoderOptions options = EncoderOptions.defaults();
    ModelSpec silent = ModelSpec.of("m", "o", 8);
    assertEquals(32, silent.effectiveQueryMaxLength(options));
    assertEquals(300, silent.effectiveDocumentMaxLength(options));
    ModelSpec fixed = parse(
        "{\"name\":\"m\",\"output\":\"o\",\"dim\":8,\"queryMaxLength\":16,\"documentMaxLength\":180}");
    assertEquals(16, fixed.effectiveQueryMaxLength(options));
    assertEquals(180, fixed.effectiveDocumentMaxLength(options));
    EncoderOptions explicit = options.withMaxQueryTokens(64).withMaxDocumentTokens(100);
    assertEquals(64, fixed.effectiveQueryMaxLength(explicit));
    assertEquals(100, fixed.effectiveDocumentMaxLength(explicit));
  }

  @Test
  void errorsNameSourceAndField() {
    String unknown = error("{\"name\":\"m\",\"output\":\"o\",\"dim\":8,\"queryMaxLen\":16}");
    assertTrue(unknown.contains("test.json") && unknown.contains("queryMaxLen"), unknown);
    String noDim = error("{\"name\":\"m\",\"output\":\"o\"}");
    assertTrue(noDim.contains("test.json") && noDim.contains("dim is required"), noDim);
    String noOutput = error("{\"name\":\"m\",\"dim\":8}");
    assertTrue(noOutput.contains("output is required"), noOutput);
    String badDim = error("{\"name\":\"m\",\"output\":\"o\",\"dim\":0}");
    assertTrue(badDim.contains("dim must be in [1, 65536], got 0"), badDim);
    String badPooling = error("{\"name\":\"m\",\"output\":\"o\",\"dim\":8,\"pooling\":\"max\"}");
    assertTrue(badPooling.contains("\"cls\", \"mean\", \"none\"") && badPooling.contains("max"),
        badPooling);
    String badLength = error("{\"name\":\"m\",\"output\":\"o\",\"dim\":8,\"queryMaxLength\":0}");
    assertTrue(badLength.contains("queryMaxLength must be in [1, 8192] when set, got 0"), badLength);
    String notJson = error("{\"name\":");
    assertTrue(notJson.contains("test.json"), notJson);
    String nullSkip = error("{\"name\":\"m\",\"output\":\"o\",\"dim\":8,\"skiplist\":[null]}");
    assertTrue(nullSkip.contains("test.json"), nullSkip);
  }

  @Test
  void embeddedSpecsMatchTheirModels() {
    ModelSpec bge = Encoders.spec("bge-small-en-v15-q");
    assertEquals("last_hidden_state", bge.output());
    assertEquals(384, bge.dim());
    assertEquals(ModelSpec.Pooling.CLS, bge.pooling());
    ModelSpec miniLm = Encoders.spec("all-minilm-l6-v2");
    assertEquals("output_0", miniLm.output());
    assertEquals(ModelSpec.Pooling.MEAN, miniLm.pooling());
  }
}

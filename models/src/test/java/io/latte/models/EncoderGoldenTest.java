package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden outputs of the embedded models through the whole encoder (tokenizer, ONNX Runtime 1.23.2,
 * normalisation, pooling).
 *
 * <p>How the constants were produced: by this encoder, and independently by a throw-away program
 * that fed the hard-coded ids [101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 1012,
 * 102] to a plain {@code OrtSession} (default session options) and L2-normalised the raw rows / the
 * mean of all rows by hand; both agreed to 1e-7. A change here means the runtime, the model bytes or the pipeline changed: re-encode indexes.
 */
class EncoderGoldenTest {

  private static final String SENTENCE = "The quick brown fox jumps over the lazy dog.";
  private static final float TOLERANCE = 1e-4f;

  @Test
  void bgeSmallGoldenVectors() {
    EncodedText t = TestModels.bge().encodeQuery(SENTENCE);
    assertEquals(12, t.length());
    assertArrayEquals(new float[] {-0.10422148f, -0.010912442f, -0.0074326745f, 0.10002628f,
        0.016686821f}, first5(t.vectors()[0]), TOLERANCE);
    assertArrayEquals(new float[] {-0.059806205f, 0.0029251894f, 0.008766116f, 0.077514514f,
        -1.359289e-4f}, first5(t.vectors()[1]), TOLERANCE);
    // CLS pooling: the pooled vector is the normalised [CLS] state.
    assertArrayEquals(new float[] {-0.10422148f, -0.010912442f, -0.0074326745f, 0.10002628f,
        0.016686821f}, first5(t.pooled()), TOLERANCE);
  }

  @Test
  void miniLmGoldenVectors() {
    EncodedText t = TestModels.miniLm().encodeQuery(SENTENCE);
    assertEquals(12, t.length());
    assertArrayEquals(new float[] {0.0058123446f, 0.042307645f, 0.0260565f, 0.08094548f,
        -0.02449265f}, first5(t.vectors()[0]), TOLERANCE);
    assertArrayEquals(new float[] {0.016102204f, 0.03136163f, 0.014142534f, 0.101813264f,
        0.017797707f}, first5(t.vectors()[1]), TOLERANCE);
    assertArrayEquals(new float[] {0.04393357f, 0.05893438f, 0.048178386f, 0.077548124f,
        0.026744386f}, first5(t.pooled()), TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2"})
  void infoIdentifiesModelAndRuntime(String name) {
    ModelInfo info = TestModels.byName(name).info();
    assertEquals(name, info.name());
    assertEquals(384, info.dim());
    assertEquals("onnxruntime-1.23.2", info.runtime());
    assertTrue(info.checksum().matches("[0-9a-f]{64}"), info.checksum());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2"})
  void everyVectorHasUnitNorm(String name) {
    TokenEncoder encoder = TestModels.byName(name);
    List<EncodedText> all = new ArrayList<>(encoder.encodeDocuments(List.of(
        SENTENCE, "", "Short.", "Late interaction keeps one vector per token, not one per text.")));
    all.add(encoder.encodeQuery("what is late interaction?"));
    for (EncodedText t : all) {
      assertNotNull(t.pooled());
      assertEquals(1.0, VectorMath.norm(t.pooled()), 1e-5);
      for (float[] v : t.vectors()) {
        assertEquals(384, v.length);
        assertEquals(1.0, VectorMath.norm(v), 1e-5);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2"})
  void paraphrasesAreCloserThanUnrelatedText(String name) {
    TokenEncoder encoder = TestModels.byName(name);
    float[] a = encoder.encodeQuery("A man is playing a guitar.").pooled();
    float[] paraphrase = encoder.encodeQuery("Someone plays the guitar.").pooled();
    float[] unrelated = encoder.encodeQuery("The stock market fell sharply today.").pooled();
    double near = VectorMath.cosine(a, paraphrase);
    double far = VectorMath.cosine(a, unrelated);
    assertTrue(near > far + 0.1, "paraphrase " + near + " vs unrelated " + far);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2"})
  void offsetsPointAtEachTokenInTheOriginalText(String name) {
    String text = "Lucene indexes text.";
    EncodedText t = TestModels.byName(name).encodeDocuments(List.of(text)).get(0);
    assertArrayEquals(new String[] {"[CLS]", "luce", "##ne", "index", "##es", "text", ".", "[SEP]"},
        t.tokens());
    for (int i = 0; i < t.length(); i++) {
      String token = t.tokens()[i];
      if (token.startsWith("[")) {
        assertEquals(-1, t.starts()[i], token);
        assertEquals(-1, t.ends()[i], token);
        continue;
      }
      String piece = text.substring(t.starts()[i], t.ends()[i]).toLowerCase(Locale.ROOT);
      assertEquals(token.startsWith("##") ? token.substring(2) : token, piece);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"bge-small-en-v15-q", "all-minilm-l6-v2"})
  void documentsAreTruncatedKeepingSep(String name) {
    EncodedText t = TestModels.byName(name).encodeDocuments(List.of("word ".repeat(400))).get(0);
    assertEquals(EncoderOptions.DEFAULT_MAX_DOCUMENT_TOKENS, t.length());
    assertEquals("[SEP]", t.tokens()[t.length() - 1]);
  }

  private static float[] first5(float[] v) {
    return Arrays.copyOf(v, 5);
  }
}

package io.latte.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Length-sorted, padded batches must not change results (float models) nor their order. */
class BatchingTest {

  /** Mixed lengths, deliberately not sorted, so sorting and three batches of 3 are exercised. */
  static final List<String> TEXTS = List.of(
      "A considerably longer document about late interaction retrieval, where every token keeps its"
          + " own contextual vector and queries are scored with MaxSim over all of them.",
      "Short one.",
      "",
      "Lucene indexes text.",
      "ColBERT pads queries with [MASK] tokens.",
      "word ".repeat(60),
      "x",
      "Medium length text with some punctuation: commas, periods; and so on!");

  @Test
  void floatModelIsBatchInvariantAndKeepsOrder() {
    TokenEncoder encoder = TestModels.miniLm(); // batch size 3
    List<EncodedText> batched = encoder.encodeDocuments(TEXTS);
    EncodedText[] alone = TestModels.eachAlone(encoder, TEXTS);
    assertEquals(TEXTS.size(), batched.size());
    for (int i = 0; i < alone.length; i++) {
      assertSame(alone[i], batched.get(i), 1e-4, "text " + i);
    }
  }

  @Test
  void quantisedModelKeepsOrderAndIsCloseButNotExact() {
    // bge-small-en-v15-q quantises activations dynamically with one scale per tensor, so padding
    // and batch neighbours move the vectors (documented on encodeDocuments). Measured on these
    // texts: mean token cosine alone vs batched 0.98-0.995, worst single token 0.92 (the repeated
    // "word" text), pooled 0.99. The bounds below only guard against gross breakage.
    TokenEncoder encoder = TestModels.bge();
    List<EncodedText> batched = encoder.encodeDocuments(TEXTS);
    EncodedText[] alone = TestModels.eachAlone(encoder, TEXTS);
    for (int i = 0; i < alone.length; i++) {
      assertArrayEquals(alone[i].tokens(), batched.get(i).tokens(), "text " + i);
      double sum = 0;
      for (int t = 0; t < alone[i].length(); t++) {
        sum += VectorMath.cosine(alone[i].vectors()[t], batched.get(i).vectors()[t]);
      }
      double mean = sum / alone[i].length();
      assertTrue(mean > 0.97, "text " + i + ": mean token cosine alone vs batched " + mean);
      double pooled = VectorMath.cosine(alone[i].pooled(), batched.get(i).pooled());
      assertTrue(pooled > 0.98, "text " + i + ": pooled cosine alone vs batched " + pooled);
    }
  }

  @Test
  void batchSizeOneIsExactEvenForTheQuantisedModel() {
    try (TokenEncoder encoder = Encoders.open("bge-small-en-v15-q", TestModels.OPTIONS.withBatchSize(1))) {
      List<EncodedText> batched = encoder.encodeDocuments(TEXTS);
      EncodedText[] alone = TestModels.eachAlone(encoder, TEXTS);
      for (int i = 0; i < alone.length; i++) {
        assertSame(alone[i], batched.get(i), 1e-6, "text " + i);
      }
    }
  }

  @Test
  void emptyListAndEmptyDocument() {
    assertEquals(List.of(), TestModels.bge().encodeDocuments(List.of()));
    EncodedText empty = TestModels.bge().encodeDocuments(List.of("")).get(0);
    assertArrayEquals(new String[] {"[CLS]", "[SEP]"}, empty.tokens());
  }

  @Test
  void nullDocumentsAreRejectedWithTheirIndex() {
    List<String> withNull = new ArrayList<>(List.of("a", "b"));
    withNull.add(null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TestModels.bge().encodeDocuments(withNull));
    assertEquals("texts[2] is null", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TestModels.bge().encodeDocuments(null));
  }

  @Test
  void concurrentQueriesMatchSequentialOnes() throws Exception {
    TokenEncoder encoder = TestModels.miniLm();
    List<String> queries = List.of("what is colbert", "late interaction", "lucene payloads",
        "token pruning", "maxsim scoring", "xtr imputation");
    assertConcurrentMatchesSequential(queries, encoder::encodeQuery);
  }

  /** What the indexer's workers do: one-thread runs of the int8 model side by side, batch 1. */
  @Test
  void concurrentDocumentsOfTheQuantisedModelMatchSequentialOnes() throws Exception {
    try (TokenEncoder encoder = Encoders.open(
        EmbeddedModel.BGE_SMALL_EN_V15_Q.modelName(), EncoderOptions.defaults().withThreads(1))) {
      List<String> docs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        docs.add("document " + i + ": " + TEXTS.get(i % TEXTS.size()) + " " + "token ".repeat(i * 7));
      }
      assertConcurrentMatchesSequential(docs, d -> encoder.encodeDocuments(List.of(d)).get(0));
    }
  }

  private static void assertConcurrentMatchesSequential(
      List<String> texts, java.util.function.Function<String, EncodedText> encode) throws Exception {
    List<EncodedText> sequential = texts.stream().map(encode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<EncodedText>> futures = new ArrayList<>();
      for (String t : texts) {
        futures.add(pool.submit(() -> encode.apply(t)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertSame(sequential.get(i), futures.get(i).get(), 1e-6, texts.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertSame(EncodedText expected, EncodedText actual, double tolerance,
                                 String what) {
    assertArrayEquals(expected.tokens(), actual.tokens(), what);
    assertArrayEquals(expected.starts(), actual.starts(), what);
    assertArrayEquals(expected.ends(), actual.ends(), what);
    assertArrayEquals(expected.pooled(), actual.pooled(), (float) tolerance, what);
    for (int t = 0; t < expected.length(); t++) {
      assertArrayEquals(expected.vectors()[t], actual.vectors()[t], (float) tolerance,
          what + " token " + t);
    }
  }
}

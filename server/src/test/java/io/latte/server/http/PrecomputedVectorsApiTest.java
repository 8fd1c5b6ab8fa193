package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.latte.engine.EncoderEmbedder;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.input.TokenVectors;
import io.latte.models.EncodedText;
import io.latte.models.Encoders;
import io.latte.models.TokenEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents with {@code "vectors"} in an upsert and {@code "query_vectors"} in a search: on the
 * sample index (the model's vectors, computed outside the server, give the results the model gives),
 * and on an index built from precomputed vectors without a model, which the server serves without
 * loading one. Bad vectors are 400s naming the element.
 */
class PrecomputedVectorsApiTest {
  @TempDir Path tmp;

  private static float[][] rows(float[] flat, int n, int dim) {
    float[][] r = new float[n][];
    for (int i = 0; i < n; i++) {
      r[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
    }
    return r;
  }

  private static Map<String, Object> doc(String id, String text, Object vectors) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("_id", id);
    if (text != null) {
      d.put("text", text);
    }
    if (vectors != null) {
      d.put("vectors", vectors);
    }
    return d;
  }

  private static void assertBad(Http.Response r, String code, String message) {
    assertEquals(400, r.status(), r.body());
    assertEquals(code, r.code(), r.body());
    assertTrue(r.json().get("message").asText().contains(message), r.body());
  }

  private static List<String> hits(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.get("hits").forEach(h -> out.add(h.get("id").asText() + " " + h.get("score").asText()));
    return out;
  }

  @Test
  void vectorsFromTheModelGiveTheModelsResults() throws Exception {
    String text = "Cold brew coffee steeps coarse grounds in cold water for twelve hours.";
    float[][] docVectors;
    float[][] queryVectors;
    String[] queryTokens;
    try (TokenEncoder encoder = Encoders.open(Encoders.DEFAULT_MODEL)) {
      DocumentVectors v = new EncoderEmbedder(encoder).embed(List.of(new SourceDocument("x", "", text, 1))).get(0);
      docVectors = rows(v.vectors(), v.tokenCount(), encoder.info().dim());
      EncodedText q = encoder.encodeQuery("cold brew steeping time");
      queryVectors = q.vectors();
      queryTokens = q.tokens();
    }
    try (LatteServer server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0))) {
      Http http = new Http(server.uri());
      Http.Response up = http.postJson("/v1/documents", Map.of("documents", List.of(doc("brew", text, docVectors))));
      assertEquals(200, up.status(), up.body());
      for (String mode : List.of("xtr", "colbert", "exact")) {
        JsonNode byText = http.postJson("/v1/search", Map.of("query", "cold brew steeping time", "mode", mode)).json();
        JsonNode byVectors = http.postJson("/v1/search",
            Map.of("query_vectors", queryVectors, "query_tokens", queryTokens, "mode", mode, "explain", true)).json();
        assertEquals(hits(byText), hits(byVectors), mode);
        assertTrue(hits(byVectors).subList(0, 3).stream().anyMatch(h -> h.startsWith("brew ")), mode + ": " + hits(byVectors));
        assertEquals(queryTokens[1], byVectors.get("hits").get(0).get("explanation").get(1).get("query_text").asText());
      }

      float[][] ragged = {docVectors[0], docVectors[1], Arrays.copyOf(docVectors[2], 383)};
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(doc("ok", "fine", null), doc("r", null, ragged)))),
          "invalid_document", "documents[1].vectors[2] (_id \"r\") has 383 values but vectors[0] has 384");
      Map<String, Object> inf = doc("inf", null, List.of(List.of(1, 2, 3, 1e39)));
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(inf))),
          "invalid_document", "documents[0].vectors[0][3] (_id \"inf\") is Infinity: values must be finite");
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(doc("e", null, List.of())))),
          "invalid_document", "documents[0].vectors (_id \"e\") is empty");
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(doc("d", null, List.of(List.of(1, 2)))))),
          "invalid_document", "documents[0].vectors[0] (_id \"d\") has 2 values, but the index takes 384-dimensional");
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(doc("s", null, List.of(List.of("a")))))),
          "invalid_json", "");
      assertBad(http.postJson("/v1/search", Map.of("query_vectors", List.of(List.of(1, 2)))),
          "invalid_request", "query_vectors[0] has 2 values, but the index takes 384-dimensional token vectors");
      assertBad(http.postJson("/v1/search", Map.of("query_vectors", List.of(List.of(1, 1e39)))),
          "invalid_request", "query_vectors[0][1] is Infinity");
      assertBad(http.postJson("/v1/search", Map.of("query_vectors", queryVectors, "mode", "bm25")),
          "query_empty", "mode bm25 needs query text");
    }
  }

  @Test
  void anIndexWithoutAModelIsServedWithoutOne() throws Exception {
    int dim = 8;
    Random r = new Random(7);
    List<SourceDocument> docs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int n = 3 + r.nextInt(10);
      float[] v = new float[n * dim];
      for (int k = 0; k < v.length; k++) {
        v[k] = (float) r.nextGaussian();
      }
      docs.add(new SourceDocument("p" + i, "", i % 2 == 0 ? "even words" : "", Map.of(), "gen", i + 1,
          TokenVectors.of(v, n, dim, null, null, 0)));
    }
    Path index = tmp.resolve("precomputed");
    ModelIdentity none = ModelIdentity.precomputed("my-encoder", dim);
    try (DocumentSource src = DocumentSource.of("gen", docs)) {
      IndexBuilder.build(index, src, TokenEmbedder.precomputed(none), BuildOptions.builder().numCentroids(16).build(), null);
    }
    try (LatteServer server = LatteServer.start(LatteServer.Options.defaults(index).withPort(0))) {
      Http http = new Http(server.uri());
      float[][] q = rows(docs.get(42).vectors().values(), docs.get(42).vectors().tokenCount(), dim);
      JsonNode exact = http.postJson("/v1/search", Map.of("query_vectors", q, "mode", "exact", "k", 3)).json();
      assertEquals("p42", exact.get("hits").get(0).get("id").asText(), exact.toString());
      assertBad(http.postJson("/v1/search", Map.of("query", "words")), "invalid_request",
          "no model to encode the query: send query_vectors");
      assertEquals(200, http.postJson("/v1/search", Map.of("query", "even words", "mode", "bm25")).status());
      assertBad(http.postJson("/v1/documents", Map.of("documents", List.of(doc("t", "text only", null)))),
          "invalid_document", "documents[0].vectors (_id \"t\") is missing: the index is built from precomputed vectors");
      Http.Response up = http.postJson("/v1/documents", Map.of("documents", List.of(doc("new", null, q))));
      assertEquals(200, up.status(), up.body());
      assertEquals(301, up.json().get("documents").asInt());
    }
  }
}

package io.latte.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;

/** The query's JSON and wire forms, and its 400-class errors (ParsingException) on bad input. */
class LateInteractionQueryBuilderTest {

  private static LateInteractionQueryBuilder parse(String json) throws IOException {
    try (XContentParser p = JsonXContent.jsonXContent.createParser(NamedXContentRegistry.EMPTY,
        DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
      p.nextToken();
      return LateInteractionQueryBuilder.fromXContent(p);
    }
  }

  @Test
  void parsesAndRoundTripsThroughJsonAndTheWire() throws IOException {
    LateInteractionQueryBuilder q = parse("""
        {"vectors": [[0.5, -1.25], [2, 0]], "mode": "xtr", "k": 7, "nprobe": 4, "k_prime": 900,
         "candidates": 50, "field": "v", "boost": 2.0, "_name": "li"}""");
    assertEquals(2.0f, q.boost());
    assertEquals("li", q.queryName());

    XContentBuilder b = JsonXContent.contentBuilder();
    b.startObject();
    q.doXContent(b, ToXContent.EMPTY_PARAMS);
    b.endObject();
    String json = b.toString();
    String inner = json.substring(json.indexOf(':') + 1, json.length() - 1); // the query's own object
    assertEquals(q, parse(inner), json);

    try (BytesStreamOutput out = new BytesStreamOutput()) {
      q.writeTo(out);
      try (StreamInput in = out.bytes().streamInput()) {
        assertEquals(q, new LateInteractionQueryBuilder(in));
      }
    }
  }

  @Test
  void defaultsToColbertAndK10() throws IOException {
    LateInteractionQueryBuilder q = parse("{\"vectors\": [[1, 2, 3]]}");
    assertEquals(new LateInteractionQueryBuilder(new float[][] {{1, 2, 3}}, LateInteractionQueryBuilder.Mode.COLBERT,
        10, null, null, null, null, null), q);
  }

  @Test
  void badInputIsAParsingErrorNamingTheProblem() {
    assertError("{\"vectors\": [[1, 2]], \"mode\": \"fuzzy\"}", "unknown mode [fuzzy]");
    assertError("{\"vectors\": [[1, 2]], \"k\": 0}", "k must be in [1, 10000], got 0");
    assertError("{\"vectors\": [[1, 2]], \"k\": -3}", "k must be");
    assertError("{\"vectors\": [[1, 2]], \"nprobe\": 0}", "nprobe must be");
    assertError("{\"vectors\": [[1, 2], [1, 2, 3]]}", "query token 1 has 3 dimensions but token 0 has 2");
    assertError("{\"vectors\": []}", "at least one token vector");
    assertError("{\"vectors\": [\"x\"]}", "not an array of numbers");
    assertError("{\"vectors\": [[1, \"a\"]]}", "non-number");
    assertError("{\"mode\": \"xtr\"}", "needs [vectors]");
    assertError("{\"vectors\": [[1, 2]], \"color\": 3}", "unknown field [color]");
    String tooMany = "[1],".repeat(LateInteractionQueryBuilder.MAX_QUERY_TOKENS) + "[1]";
    assertError("{\"vectors\": [" + tooMany + "]}", "at most " + LateInteractionQueryBuilder.MAX_QUERY_TOKENS);
  }

  private static void assertError(String json, String needle) {
    ParsingException e = assertThrows(ParsingException.class, () -> parse(json), json);
    assertTrue(e.getMessage().contains(needle), e.getMessage());
  }
}

package io.latte.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latte.engine.EncoderEmbedder;
import io.latte.engine.SearchEngine;
import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.input.CorpusFile;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.models.EncoderOptions;
import io.latte.models.Encoders;
import io.latte.searcher.Hit;
import io.latte.searcher.SearchMode;
import io.latte.searcher.SearchParams;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares the cluster test's inputs from the bundled sample collection: encodes it once with latte's
 * default model, builds a single-node latte index from those vectors, and writes into {@code <work>}:
 * the index's codebook ({@code sample.cb}), the documents with their token vectors as bulk-API lines
 * ({@code docs.ndjson}), and per sample query its token vectors and the top 10 of {@code latte search
 * --mode colbert} on the single-node index, without and with a topic filter (the latter with {@code
 * --k-prime} {@value #FILTER_K_PRIME}) ({@code queries.json}).
 *
 * <p>The single-node index assigns centroids exactly ({@code assignProbes 0}), as the plugin's field
 * does, so both sides hold the same codes and must return the same top 10.
 *
 * <p>Usage: {@code SamplePrep <sample dir> <work dir>}.
 */
public final class SamplePrep {
  /** Vectors are rounded to this many decimals on both sides: the bulk JSON stays small, and equal. */
  private static final float ROUND = 1e5f;

  /**
   * k' of the filtered comparison, on both sides: large enough that token retrieval prunes nothing,
   * so a shard's candidates are exactly the single index's (see LateInteractionQueryBuilder on why
   * a selective filter shows the difference at the default k').
   */
  static final int FILTER_K_PRIME = 1_000_000;

  /**
   * Token-retrieval parameters both sides of the comparison are given explicitly. Left out, each
   * side resolves them from its own index statistics (RetrievalDefaults): the single-node index
   * holds all 263 documents, each shard about a third, so the two would retrieve different
   * candidates by design, and the check is about the plugin computing the same MaxSim ranking.
   */
  static final int NPROBE = 16;
  static final int K_PRIME = 250;
  static final int CANDIDATES = 200;

  static SearchParams pinned() {
    return SearchParams.defaults().withNprobe(NPROBE).withKPrime(K_PRIME).withCandidates(CANDIDATES);
  }

  private SamplePrep() {}

  public static void main(String[] args) throws IOException {
    Path sample = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    List<SourceDocument> docs = new ArrayList<>();
    try (DocumentSource src = CorpusFile.open(CorpusFile.resolve(sample))) {
      src.forEachRemaining(r -> docs.add((SourceDocument) r));
    }
    Map<String, DocumentVectors> encoded = new HashMap<>();
    ModelIdentity model;
    try (var encoder = Encoders.open(Encoders.DEFAULT_MODEL)) {
      EncoderEmbedder embedder = new EncoderEmbedder(encoder);
      model = embedder.model();
      for (DocumentVectors v : embedder.embed(docs)) {
        encoded.put(v.source().id(), rounded(v));
      }
    }
    Path latteDir = work.resolve("latte-index");
    TokenEmbedder precomputed = TokenEmbedder.replaying(model, d -> encoded.get(d.id()));
    try (DocumentSource src = CorpusFile.open(CorpusFile.resolve(sample))) {
      IndexBuilder.build(latteDir, src, precomputed, BuildOptions.builder().assignProbes(0).build(), null);
    }

    ObjectMapper json = new ObjectMapper();
    try (SearchEngine engine = SearchEngine.open(latteDir, null, EncoderOptions.defaults())) {
      engine.index().codebook().write(work.resolve("sample.cb"));
      writeBulk(json, docs, encoded, work.resolve("docs.ndjson"));
      Map<String, String> topics = new HashMap<>();
      docs.forEach(d -> topics.put(d.id(), String.valueOf(d.metadata().get("topic"))));
      ArrayNode queries = json.createArrayNode();
      for (String line : Files.readAllLines(sample.resolve("queries.jsonl"))) {
        if (line.isBlank()) {
          continue;
        }
        var q = json.readTree(line);
        String text = q.get("text").asText();
        ObjectNode out = queries.addObject();
        out.put("id", q.get("_id").asText());
        out.put("text", text);
        out.set("vectors", json.valueToTree(engine.encoder().encodeQuery(text).vectors()));
        List<Hit> top = colbert(engine, text, null, pinned());
        out.set("expected", hits(json, top));
        String topic = topics.get(top.get(0).id());
        out.put("topic", topic);
        out.put("filter_k_prime", FILTER_K_PRIME);
        out.set("expected_filtered", hits(json, colbert(engine, text, "topic:\"" + topic + "\"",
            pinned().withKPrime(FILTER_K_PRIME))));
      }
      json.writerWithDefaultPrettyPrinter().writeValue(work.resolve("queries.json").toFile(), queries);
      System.out.println("prepared " + docs.size() + " documents and " + queries.size() + " queries in " + work);
    }
  }

  /** {@code latte search --mode colbert --k 10} (the CLI calls the same engine method). */
  private static List<Hit> colbert(SearchEngine engine, String text, String filter, SearchParams params)
      throws IOException {
    return engine.search(text, SearchMode.COLBERT, filter, false, params).hits();
  }

  private static ArrayNode hits(ObjectMapper json, List<Hit> hits) {
    ArrayNode a = json.createArrayNode();
    for (Hit h : hits) {
      a.addObject().put("id", h.id()).put("score", h.score());
    }
    return a;
  }

  private static DocumentVectors rounded(DocumentVectors v) {
    float[] flat = v.vectors().clone();
    for (int i = 0; i < flat.length; i++) {
      flat[i] = Math.round(flat[i] * ROUND) / ROUND;
    }
    return new DocumentVectors(v.source(), flat, v.tokenCount(), v.tokens(), v.starts(), v.ends());
  }

  private static void writeBulk(ObjectMapper json, List<SourceDocument> docs, Map<String, DocumentVectors> encoded,
      Path out) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (SourceDocument d : docs) {
        ObjectNode action = json.createObjectNode();
        action.putObject("index").put("_id", d.id());
        ObjectNode doc = json.createObjectNode();
        doc.put("title", d.title());
        doc.put("text", d.text());
        d.metadata().forEach((k, v) -> doc.set(k, json.valueToTree(v)));
        DocumentVectors v = encoded.get(d.id());
        int dim = v.vectors().length / v.tokenCount();
        ArrayNode rows = doc.putArray("vectors");
        for (int t = 0; t < v.tokenCount(); t++) {
          ArrayNode row = rows.addArray();
          for (int i = 0; i < dim; i++) {
            row.add(v.vectors()[t * dim + i]);
          }
        }
        w.write(json.writeValueAsString(action));
        w.write('\n');
        w.write(json.writeValueAsString(doc));
        w.write('\n');
      }
    }
  }
}

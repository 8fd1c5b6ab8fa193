package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches keep answering, and answering correctly, while batch upserts, a delete and their commits
 * run: several clients search in a loop for probe queries whose results the writes must not change,
 * and every answer has to equal the answer before the writes.
 */
class ConcurrencyTest {
  static final int CLIENTS = 4;

  @TempDir Path tmp;

  /** Documents on a subject far from every probe query, so they cannot enter the probes' top hits. */
  static List<Map<String, Object>> unrelated(String prefix, int n) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      docs.add(Map.of("_id", prefix + i, "title", "Lattice gauge note " + i,
          "text", "Quark confinement in quantum chromodynamics, gluon field lattice simulation number " + i
              + ", Wilson loops and the strong coupling constant at low energy.",
          "metadata", Map.of("topic", "physics", "year", 2000 + i % 20)));
    }
    return docs;
  }

  record Probe(String query, String mode) {
    Map<String, Object> body() {
      // hybrid with the fixed blend: the default adaptive fusion weighs each half by how its top
      // stands out from the rest of its candidate list, and unrelated documents entering the tail of
      // that list legitimately move near-ties (docs/BENCHMARKS.md §15d, known limit).
      return mode.equals("hybrid")
          ? Map.of("query", query, "mode", mode, "k", 5, "params", Map.of("fusion", "linear"))
          : Map.of("query", query, "mode", mode, "k", 5);
    }
  }

  static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    return ids;
  }

  @Test
  void searchesStayCorrectDuringUpsertsDeletesAndCommits() throws Exception {
    List<Probe> probes = List.of(new Probe("why does my espresso taste sour", "xtr"),
        new Probe("how do honeybees tell each other where the flowers are", "colbert"),
        new Probe("volcano eruption lava", "bm25"), new Probe("marathon training plan", "hybrid"));
    try (LatteServer server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0))) {
      Http http = new Http(server.uri());
      List<List<String>> expected = new ArrayList<>();
      for (Probe p : probes) {
        expected.add(ids(http.postJson("/v1/search", p.body()).json()));
      }
      long generationBefore = http.get("/health").json().get("generation").asLong();

      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicInteger duringWrites = new AtomicInteger();
      ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(pool.submit(() -> {
          for (int i = 0; writing.get(); i++) {
            int p = (client + i) % probes.size();
            Http.Response r = http.postJson("/v1/search", probes.get(p).body());
            if (r.status() != 200) {
              problems.add("status " + r);
            } else if (!ids(r.json()).equals(expected.get(p))) {
              problems.add(probes.get(p) + " answered " + ids(r.json()) + " instead of " + expected.get(p));
            }
            duringWrites.incrementAndGet();
          }
        }));
      }
      try {
        Http.Response a = http.postJson("/v1/documents", Map.of("documents", unrelated("qcd-a-", 40)));
        assertEquals(200, a.status(), a.body());
        Http.Response d = http.delete("/v1/documents/d250");
        assertEquals(200, d.status(), d.body());
        Http.Response b = http.postJson("/v1/documents", Map.of("documents", unrelated("qcd-b-", 20)));
        assertEquals(200, b.status(), b.body());
      } finally {
        writing.set(false);
        for (Future<?> f : clients) {
          f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
      }

      assertTrue(problems.isEmpty(), problems.size() + " wrong answers, e.g. " + problems.peek());
      assertTrue(duringWrites.get() >= CLIENTS * 3, "searches kept answering during the writes: " + duringWrites);
      JsonNode health = http.get("/health").json();
      assertEquals(263 + 60 - 1, health.get("documents").asInt());
      assertTrue(health.get("generation").asLong() >= generationBefore + 3, "three commits");
      List<String> physics = ids(http.postJson("/v1/search",
          Map.of("query", "gluon lattice simulation", "k", 5)).json());
      assertTrue(physics.stream().allMatch(id -> id.startsWith("qcd-")), "the new documents are searchable: " + physics);
    }
  }
}

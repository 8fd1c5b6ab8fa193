package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.server.http.index.LiveIndex;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown: a write in flight when the server is told to stop is finished, acknowledged and
 * committed; then the server stops listening and releases the index.
 */
class ShutdownTest {
  @TempDir Path tmp;

  @Test
  void finishesTheWriteInFlightAndCommitsIt() throws Exception {
    Path index = TestIndexes.copyOfSample(tmp);
    LatteServer server = LatteServer.start(LatteServer.Options.defaults(index).withPort(0));
    Http http = new Http(server.uri());
    LiveIndex live = server.bean(LiveIndex.class);

    CompletableFuture<Http.Response> write = CompletableFuture.supplyAsync(
        () -> http.postJson("/v1/documents", Map.of("documents", ConcurrencyTest.unrelated("late-", 40))));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (live.writesInProgress() == 0 && !write.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(1, live.writesInProgress(), "the write is in flight when shutdown starts");
    server.close();

    Http.Response r = write.get(60, TimeUnit.SECONDS);
    assertEquals(200, r.status(), r.body());
    assertEquals(263 + 40, r.json().get("documents").asInt());
    try (Directory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(263 + 40, reader.numDocs(), "the write is committed");
    }
    assertThrows(UncheckedIOException.class, () -> http.get("/health"), "no longer listening");

    // The index is released: another server can open it.
    try (LatteServer again = LatteServer.start(LatteServer.Options.defaults(index).withPort(0))) {
      assertTrue(new Http(again.uri()).get("/v1/documents/late-0").status() == 200);
    }
  }
}

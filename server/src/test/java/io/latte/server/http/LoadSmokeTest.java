package io.latte.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short, bounded load run on loopback (8 clients × 5 s of xtr searches against the sample index):
 * no errors, and the numbers printed to the test output. {@link LoadGenerator#main} runs the long
 * version against a separate server process.
 */
class LoadSmokeTest {
  @TempDir Path tmp;

  @Test
  void eightClientsWithoutErrors() throws Exception {
    try (LatteServer server = LatteServer.start(LatteServer.Options.defaults(TestIndexes.copyOfSample(tmp)).withPort(0))) {
      LoadGenerator.run(server.uri(), 8, 1, "xtr", LoadGenerator.sampleQueries(), -1); // warm-up
      LoadGenerator.Report r = LoadGenerator.run(server.uri(), 8, 5, "xtr", LoadGenerator.sampleQueries(), -1);
      System.out.println("load (in-process server; RSS is the test JVM's): " + r);
      assertEquals(0, r.errors(), r.toString());
      assertTrue(r.requests() > 8, r.toString());
      String metrics = new Http(server.uri()).get("/metrics").body();
      assertTrue(metrics.contains("latte_search_seconds_count{mode=\"xtr\"}"));
    }
  }
}

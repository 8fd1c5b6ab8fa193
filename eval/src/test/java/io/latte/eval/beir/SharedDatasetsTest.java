package io.latte.eval.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real BEIR sets in {@code ../shared/datasets} (counts from their SOURCE.md) when present;
 * skipped in a checkout without them.
 */
class SharedDatasetsTest {

  /** The shared dataset folder, or a skip when this checkout has none. */
  static Path sharedDataset(String name) {
    String shared = System.getProperty("latte.shared.dir");
    assumeTrue(shared != null, "latte.shared.dir not set");
    Path dir = Path.of(shared, "datasets", name);
    assumeTrue(Files.isDirectory(dir), "no shared dataset " + dir);
    return dir;
  }

  @Test
  void scifact() throws IOException {
    BeirDataset scifact = BeirDataset.open(sharedDataset("scifact"));
    assertCorpus(scifact, 5183);
    assertEquals(1109, scifact.queries().size());
    assertEquals(300, scifact.queries("test").size());
    assertEquals(339, scifact.qrels("test").judgmentCount());
    assertEquals(919, scifact.qrels("train").judgmentCount());
  }

  @Test
  void cranfield() throws IOException {
    BeirDataset cranfield = BeirDataset.open(sharedDataset("cranfield"));
    assertCorpus(cranfield, 1400);
    assertEquals(225, cranfield.queries("test").size());
    Qrels qrels = cranfield.qrels("test");
    assertEquals(1837, qrels.judgmentCount());
    assertEquals(225, qrels.judgedQueries().size());
  }

  private static void assertCorpus(BeirDataset dataset, int expected) throws IOException {
    Set<String> ids = new HashSet<>();
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      corpus.forEach(doc -> ids.add(doc.id()));
    }
    assertEquals(expected, ids.size(), "distinct document ids");
  }
}

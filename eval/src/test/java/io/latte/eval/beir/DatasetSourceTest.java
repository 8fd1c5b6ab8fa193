package io.latte.eval.beir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSourceTest {
  private static final String PREFIX = "/io/latte/eval/beir/tiny/";

  @Test
  void readsADatasetFromTheClasspath() throws IOException {
    BeirDataset dataset = BeirDataset.open(DatasetSource.classpath(PREFIX));
    assertEquals("tiny", dataset.name());
    assertEquals("classpath:/io/latte/eval/beir/tiny/corpus.jsonl", dataset.corpusLocation());
    try (Stream<BeirDocument> corpus = dataset.corpus()) {
      assertEquals(List.of("espresso", "latte", "tea"), corpus.map(BeirDocument::id).toList());
    }
    // queries.jsonl.gz: gzip is resolved on the classpath too.
    assertEquals(List.of(new BeirQuery("q-milk", "coffee with milk")), dataset.queries("test"));
    assertEquals(2, dataset.qrels("test").grade("q-milk", "latte"));
  }

  @Test
  void prefixIsNormalized() {
    for (String prefix : List.of("io/latte/eval/beir/tiny", "/io/latte/eval/beir/tiny/", PREFIX)) {
      DatasetSource source = DatasetSource.classpath(prefix);
      assertTrue(source.exists("corpus.jsonl"), prefix);
      assertEquals("tiny", source.name());
    }
    assertThrows(IllegalArgumentException.class, () -> DatasetSource.classpath("/"));
  }

  @Test
  void missingClasspathFileNamesItsLocation() {
    DatasetSource source = DatasetSource.classpath(PREFIX);
    assertFalse(source.exists("qrels/dev.tsv"));
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> source.open("qrels/dev.tsv"));
    assertTrue(e.getMessage().contains("classpath:/io/latte/eval/beir/tiny/qrels/dev.tsv"));
    NoSuchFileException missing =
        assertThrows(
            NoSuchFileException.class,
            () -> BeirDataset.open(DatasetSource.classpath("/io/latte/eval/beir/absent/")));
    assertTrue(missing.getMessage().contains("classpath:/io/latte/eval/beir/absent/corpus.jsonl"));
  }

  @Test
  void relativePathsMayNotEscapeTheDataset(@TempDir Path dir) {
    DatasetSource source = DatasetSource.directory(dir);
    for (String bad : List.of("", "/etc/passwd", "../x", "qrels/../../x", "a\\b")) {
      assertThrows(IllegalArgumentException.class, () -> source.exists(bad), bad);
    }
  }

  @Test
  void directorySourceNamesItsFiles(@TempDir Path dir) throws IOException {
    DatasetFiles.writeSample(dir);
    DatasetSource source = DatasetSource.directory(dir);
    assertTrue(source.exists("qrels/test.tsv"));
    assertFalse(source.exists("qrels"), "a folder is not a file");
    assertEquals(dir.resolve("qrels/test.tsv").toString(), source.location("qrels/test.tsv"));
    assertEquals(dir.getFileName().toString(), source.name());
  }
}

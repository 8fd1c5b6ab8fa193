package io.latte.indexer.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.testing.Indexes;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during indexing: a real child JVM is killed with {@link Process#destroyForcibly()} (SIGKILL
 * on Unix) mid-run. The index must pass CheckIndex, open at its last commit with exactly the documents
 * that commit says, and a rerun of the same command must complete it with every document once.
 */
class CrashSafetyTest {

  private static final int DOCS = 1500;
  private static final int COMMIT_EVERY = 50;

  @TempDir Path tmp;

  @Test
  @Timeout(90)
  void killedRunLeavesLastCommitAndRerunCompletes() throws Exception {
    Path index = tmp.resolve("index");
    Process child = start(index, 20);
    long seen = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("COMMIT ")) {
          seen = Long.parseLong(line.split(" ")[1]);
          if (seen >= 4 * COMMIT_EVERY) {
            child.destroyForcibly();
            break;
          }
        } else if (line.startsWith("DONE")) {
          break;
        }
      }
    }
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(seen >= 4 * COMMIT_EVERY && seen < DOCS,
        "the child must be killed mid-run; it committed " + seen + " docs. stderr: " + stderr());

    checkIndexClean(index);
    long committed;
    try (LatteIndex idx = LatteIndex.open(index)) {
      committed = idx.commit().written();
      assertFalse(idx.commit().complete());
      assertTrue(committed >= seen, committed + " >= " + seen);
      assertEquals(committed, idx.reader().numDocs(), "exactly the documents of the last commit");
      assertEquals(committed, idx.commit().through(), "one document per line, none bad");
      Set<String> ids = Indexes.decodedById(idx).keySet();
      assertEquals(expectedIds((int) committed), ids);
    }

    Process rerun = start(index, 0);
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(rerun.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
      }
    }
    assertTrue(rerun.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, rerun.exitValue(), "rerun failed: " + stderr());
    String done = lines.get(lines.size() - 1);
    assertEquals("DONE " + DOCS + " " + committed, done, "resumed after the committed lines");

    checkIndexClean(index);
    try (LatteIndex idx = LatteIndex.open(index)) {
      assertTrue(idx.commit().complete());
      assertEquals(DOCS, idx.reader().numDocs(), "every document exactly once");
      assertEquals(expectedIds(DOCS), Indexes.decodedById(idx).keySet());
    }
  }

  private static Set<String> expectedIds(int n) {
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      ids.add("d" + i);
    }
    return ids;
  }

  private Process start(Path index, long sleepMillisPerBatch) throws Exception {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder pb = new ProcessBuilder(
        java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"),
        CrashIndexerMain.class.getName(),
        index.toString(), Integer.toString(DOCS), Integer.toString(COMMIT_EVERY),
        Long.toString(sleepMillisPerBatch));
    pb.redirectError(tmp.resolve("child-stderr.txt").toFile());
    return pb.start();
  }

  private String stderr() throws Exception {
    Path p = tmp.resolve("child-stderr.txt");
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static void checkIndexClean(Path index) throws Exception {
    try (var dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
      CheckIndex.Status status = check.checkIndex();
      assertNotNull(status);
      if (!status.clean) {
        fail("CheckIndex found problems in " + index);
      }
    }
  }
}

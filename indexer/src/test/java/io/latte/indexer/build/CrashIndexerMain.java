package io.latte.indexer.build;

import io.latte.indexer.format.CommitData;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.testing.Corpora;
import io.latte.indexer.testing.Indexes;
import io.latte.indexer.testing.RandomEmbedder;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: indexes {@code n} synthetic documents with frequent
 * commits, printing {@code COMMIT <written> <through>} after each commit and {@code DONE <written>
 * <resumedAfter>} at the end.
 *
 * <p>Arguments: index directory, document count, commit every N documents, sleep ms per batch.
 */
public final class CrashIndexerMain {

  private CrashIndexerMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    int commitEvery = Integer.parseInt(args[2]);
    long sleep = Long.parseLong(args[3]);
    RandomEmbedder embedder = new RandomEmbedder(new ModelIdentity("random-test", "c0ffee", "test-1", 32), sleep);
    BuildListener listener = new BuildListener() {
      @Override
      public void onCommit(CommitData data) {
        System.out.println("COMMIT " + data.written() + " " + data.through());
        System.out.flush();
      }
    };
    try (DocumentSource src = DocumentSource.of("synthetic-" + n, Corpora.documents(0, n))) {
      BuildSummary s = IndexBuilder.build(
          dir, src, embedder, Indexes.smallOptions().commitEveryDocs(commitEvery).build(), listener);
      System.out.println("DONE " + s.documentsWritten() + " " + s.resumedAfterLine());
    }
  }
}

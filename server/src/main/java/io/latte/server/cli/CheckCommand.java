package io.latte.server.cli;

import io.latte.indexer.read.IndexCheck;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latte check}: verifies every file of an index (Lucene's CheckIndex plus latte's own checks). */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an index: meta, codebook and commit, then every segment with Lucene's CheckIndex",
      "(checksums of all files, the token files included, and their postings). Read-only; exits 1",
      "naming the damaged file when something is wrong."
    })
public final class CheckCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    IndexCheck.Result r = IndexCheck.check(index);
    if (!r.clean()) {
      System.err.println("latte: index " + index + " is damaged: " + r.problem());
      return 1;
    }
    System.out.printf(Locale.ROOT, "index %s is clean: %d segments, %d documents checked in %.1f s%n",
        index, r.segments(), r.documents(), (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}

package io.latte.server.cli;

import io.latte.indexer.write.DocumentDeleter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latte delete}: delete documents by id and commit. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete documents by _id from an index and commit: durable, and visible to",
      "searches opened afterwards."
    })
public final class DeleteCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
  Path index;

  @Option(names = "--ids", required = true, split = ",", paramLabel = "ID",
      description = "Comma-separated document ids.")
  List<String> ids;

  @Override
  public Integer call() throws Exception {
    DocumentDeleter.Result r = DocumentDeleter.delete(index, ids);
    System.out.printf("deleted %d of %d document%s from %s%n", r.deleted().size(), r.deleted().size() + r.notFound().size(),
        r.deleted().size() + r.notFound().size() == 1 ? "" : "s", index);
    if (!r.notFound().isEmpty()) {
      System.out.println("not in the index: " + String.join(", ", r.notFound()));
    }
    return 0;
  }
}

package io.latte.indexer.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** Deletes documents by {@code _id} and commits: the library call behind {@code latte delete}. */
public final class DocumentDeleter {

  /**
   * @param deleted ids that were in the index and are now gone
   * @param notFound ids that were not in the index
   */
  public record Result(List<String> deleted, List<String> notFound) {}

  private DocumentDeleter() {}

  /**
   * Deletes every document whose {@code _id} is in {@code ids}, then commits (keeping the commit's
   * progress data), so the deletes are durable and visible to newly opened readers.
   *
   * @throws IllegalArgumentException if {@code ids} is empty or holds an empty id
   */
  public static Result delete(Path indexDir, Collection<String> ids) throws IOException {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("ids must not be empty");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (String id : ids) {
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("ids must not contain an empty id");
      }
      unique.add(id);
    }
    try (LatteIndexWriter w = LatteIndexWriter.open(indexDir, 16)) {
      List<String> found = w.delete(unique);
      w.commit(w.lastCommit().touched());
      List<String> missing = new ArrayList<>(unique);
      missing.removeAll(found);
      return new Result(found, List.copyOf(missing));
    }
  }
}

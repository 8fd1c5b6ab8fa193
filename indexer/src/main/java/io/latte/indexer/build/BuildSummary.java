package io.latte.indexer.build;

import io.latte.indexer.format.FitStats;
import io.latte.indexer.input.BadDocument;
import java.util.List;

/**
 * What an {@link IndexBuilder} run did.
 *
 * @param created whether this run created the index (and trained its codebook)
 * @param resumedAfterLine input lines skipped because an interrupted run had committed them, or 0
 * @param documentsWritten documents added or replaced by this run (including a resumed run's earlier part)
 * @param tokensWritten their tokens (this process only)
 * @param badDocuments documents skipped (exact count)
 * @param reportedBadDocuments the first of them, up to {@link BuildOptions#maxReportedBadDocuments()}
 * @param commits commits made by this process
 * @param seconds wall time of this process's run
 * @param trainingSeconds of which codebook training (0 if none)
 * @param numCentroids centroids of the index's codebook
 * @param fit how well the codebook fits this run's tokens
 */
public record BuildSummary(
    boolean created,
    long resumedAfterLine,
    long documentsWritten,
    long tokensWritten,
    long badDocuments,
    List<BadDocument> reportedBadDocuments,
    int commits,
    double seconds,
    double trainingSeconds,
    int numCentroids,
    FitStats fit) {

  public BuildSummary {
    reportedBadDocuments = List.copyOf(reportedBadDocuments);
  }
}

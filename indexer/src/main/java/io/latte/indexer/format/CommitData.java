package io.latte.indexer.format;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.CorruptIndexException;

/**
 * The user data of every latte commit, typed. Keys (all values strings):
 *
 * <pre>
 * {@value #KEY_FORMAT}           {@link LatteIndexFormat#FORMAT_VERSION}
 * {@value #KEY_CODEBOOK}         SHA-256 of the codebook file (hex); must equal the meta's
 * {@value #KEY_SCHEMA}           metadata key → type, JSON ({@link MetadataSchema})
 * {@value #KEY_SOURCE}           fingerprint of the input of the run that made this commit ("" if none)
 * {@value #KEY_THROUGH}          last input line whose document is written (or skipped) in this commit
 * {@value #KEY_WRITTEN}          documents added or replaced by that run so far
 * {@value #KEY_COMPLETE}         "true" once the run read its whole input
 * {@value #KEY_CREATING}         "true" while the run that created the index is going on
 * {@value #KEY_FIT_INITIAL}      {@link FitStats} of the tokens of the run that created the index
 * {@value #KEY_FIT_LATEST}       {@link FitStats} of the tokens of the latest run
 * {@value #KEY_TIME}             commit time, epoch milliseconds
 * </pre>
 *
 * An interrupted run over the same input ({@code source} equal, {@code complete} false) resumes
 * after {@code through}: every input line up to it is already in the index.
 */
public record CommitData(
    int formatVersion,
    String codebookSha256,
    MetadataSchema schema,
    String source,
    long through,
    long written,
    boolean complete,
    boolean creating,
    FitStats initialFit,
    FitStats latestFit,
    long timeMillis) {

  public static final String KEY_FORMAT = "latte.format";
  public static final String KEY_CODEBOOK = "latte.codebook.sha256";
  public static final String KEY_SCHEMA = "latte.metadata.schema";
  public static final String KEY_SOURCE = "latte.run.source";
  public static final String KEY_THROUGH = "latte.run.through";
  public static final String KEY_WRITTEN = "latte.run.written";
  public static final String KEY_COMPLETE = "latte.run.complete";
  public static final String KEY_CREATING = "latte.run.creating";
  public static final String KEY_FIT_INITIAL = "latte.fit.initial";
  public static final String KEY_FIT_LATEST = "latte.fit.latest";
  public static final String KEY_TIME = "latte.time";

  /** The data of the first, empty commit of a new index. */
  public static CommitData initial(String codebookSha256, String source) {
    return new CommitData(
        LatteIndexFormat.FORMAT_VERSION, codebookSha256, MetadataSchema.empty(), source == null ? "" : source,
        0, 0, false, true, FitStats.EMPTY, FitStats.EMPTY, System.currentTimeMillis());
  }

  /** A copy recording progress of the current run. */
  public CommitData withProgress(
      MetadataSchema schema, long through, long written, boolean complete, FitStats initial, FitStats latest) {
    return new CommitData(
        formatVersion, codebookSha256, schema, source, through, written, complete, creating && !complete,
        initial, latest, System.currentTimeMillis());
  }

  /** A copy starting a new run over {@code source} (progress reset, schema and fit kept). */
  public CommitData startRun(String newSource) {
    return new CommitData(
        formatVersion, codebookSha256, schema, newSource == null ? "" : newSource, 0, 0, false, false,
        initialFit, FitStats.EMPTY, System.currentTimeMillis());
  }

  /** A copy with a fresh time stamp (e.g. after deletes). */
  public CommitData touched() {
    return new CommitData(
        formatVersion, codebookSha256, schema, source, through, written, complete, creating, initialFit,
        latestFit, System.currentTimeMillis());
  }

  /** Whether a run over {@code fingerprint} was interrupted and can resume after {@link #through}. */
  public boolean resumable(String fingerprint) {
    return !complete && fingerprint != null && !fingerprint.isEmpty() && fingerprint.equals(source);
  }

  public Map<String, String> toUserData() {
    Map<String, String> m = new HashMap<>();
    m.put(KEY_FORMAT, Integer.toString(formatVersion));
    m.put(KEY_CODEBOOK, codebookSha256);
    m.put(KEY_SCHEMA, schema.toJson());
    m.put(KEY_SOURCE, source);
    m.put(KEY_THROUGH, Long.toString(through));
    m.put(KEY_WRITTEN, Long.toString(written));
    m.put(KEY_COMPLETE, Boolean.toString(complete));
    m.put(KEY_CREATING, Boolean.toString(creating));
    m.put(KEY_FIT_INITIAL, initialFit.encode());
    m.put(KEY_FIT_LATEST, latestFit.encode());
    m.put(KEY_TIME, Long.toString(timeMillis));
    return m;
  }

  /**
   * Parses the user data of a commit.
   *
   * @param resource the index directory, for messages
   * @throws CorruptIndexException if a key is missing or malformed (e.g. a Lucene index not written
   *     by latte)
   */
  public static CommitData fromUserData(Map<String, String> m, String resource) throws CorruptIndexException {
    String format = m.get(KEY_FORMAT);
    if (format == null) {
      throw new CorruptIndexException(
          "the last commit has no latte user data (" + KEY_FORMAT + "): not a latte index, or written"
              + " by another tool", resource);
    }
    try {
      return new CommitData(
          Integer.parseInt(format),
          required(m, KEY_CODEBOOK, resource),
          MetadataSchema.fromJson(required(m, KEY_SCHEMA, resource), resource),
          m.getOrDefault(KEY_SOURCE, ""),
          Long.parseLong(required(m, KEY_THROUGH, resource)),
          Long.parseLong(required(m, KEY_WRITTEN, resource)),
          Boolean.parseBoolean(required(m, KEY_COMPLETE, resource)),
          Boolean.parseBoolean(m.getOrDefault(KEY_CREATING, "false")),
          FitStats.decode(required(m, KEY_FIT_INITIAL, resource)),
          FitStats.decode(required(m, KEY_FIT_LATEST, resource)),
          Long.parseLong(m.getOrDefault(KEY_TIME, "0")));
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("commit user data is malformed: " + e.getMessage(), resource, e);
    }
  }

  private static String required(Map<String, String> m, String key, String resource)
      throws CorruptIndexException {
    String v = m.get(key);
    if (v == null) {
      throw new CorruptIndexException("commit user data lacks " + key, resource);
    }
    return v;
  }
}

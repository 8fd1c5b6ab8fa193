package io.latte.eval.run;

import io.latte.eval.beir.Qrels;
import io.latte.eval.metrics.Evaluation;
import io.latte.eval.metrics.Measures;
import io.latte.eval.metrics.RunEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the NIST {@code trec_eval} program on files on disk: the independent check that our measures
 * and run files are what the IR community means by them.
 *
 * <p>Where the binary comes from: {@link #at(Path)} for one you built or installed, or {@link
 * #bundled()} for the Linux/macOS x86-64 binaries of trec_eval 9.0.4 that the Terrier team's {@code
 * uk.ac.gla.dcs.terrierteam:jtreceval} jar carries as classpath resources named {@code
 * trec_eval-<os>-<arch>}. This class uses only those resources, never jtreceval's own classes, so
 * the eval module has no dependency on it: it is a test dependency (our cross-check tests), and a tool
 * that wants {@link #bundled()} at run time puts the jar on its class path. We extract and start the
 * binary ourselves rather than call jtreceval's wrapper because the wrapper drops {@code trec_eval}'s
 * error message and keeps only the exit code.
 */
public final class TrecEvalBinary {
  private static final String RESOURCE_PREFIX = "trec_eval-";

  /** trec_eval's name for the summary row of {@code -q} output. */
  private static final String SUMMARY = "all";

  private static Optional<Path> extracted;

  private final Path executable;

  private TrecEvalBinary(Path executable) {
    this.executable = executable;
  }

  /**
   * A {@code trec_eval} executable on disk.
   *
   * @throws IllegalArgumentException if it is not an executable file
   */
  public static TrecEvalBinary at(Path executable) {
    Objects.requireNonNull(executable, "executable");
    if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
      throw new IllegalArgumentException(
          "trec_eval executable not found or not executable: " + executable);
    }
    return new TrecEvalBinary(executable);
  }

  /**
   * The binary bundled in the jtreceval jar, extracted once per JVM to a temporary file; empty when
   * the jar is not on the class path or has no binary for this platform (Linux and macOS on x86-64
   * only; its Windows build needs a Cygwin DLL we do not unpack).
   */
  public static synchronized Optional<TrecEvalBinary> bundled() throws IOException {
    if (extracted == null) {
      extracted = extractBundled();
    }
    return extracted.map(TrecEvalBinary::new);
  }

  private static Optional<Path> extractBundled() throws IOException {
    String os = System.getProperty("os.name", "");
    String shortOs = os.startsWith("Linux") ? "linux" : os.startsWith("Mac") ? "macosx" : null;
    if (shortOs == null) {
      return Optional.empty();
    }
    String resource = RESOURCE_PREFIX + shortOs + "-" + System.getProperty("os.arch", "");
    try (InputStream in = TrecEvalBinary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      Path dir = Files.createTempDirectory("latte-trec_eval");
      Path binary = dir.resolve("trec_eval");
      // Registered first, deleted last: the JVM runs deleteOnExit hooks in reverse order.
      dir.toFile().deleteOnExit();
      binary.toFile().deleteOnExit();
      Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwx------"));
      return Optional.of(binary);
    }
  }

  public Path executable() {
    return executable;
  }

  /** The version line {@code trec_eval -v} prints, e.g. "trec_eval version 9.0.4". */
  public String version() throws IOException {
    Output output = exec(List.of("-v"));
    return (String.join("\n", output.stdout()) + output.stderr()).strip();
  }

  /**
   * Runs {@code trec_eval} with {@code args} and returns its standard output lines.
   *
   * @throws IOException with {@code trec_eval}'s error message when it exits with a non-zero status
   */
  public List<String> run(List<String> args) throws IOException {
    Output output = exec(args);
    if (output.exitCode() != 0) {
      throw new IOException(
          "trec_eval "
              + String.join(" ", args)
              + " failed with exit code "
              + output.exitCode()
              + ": "
              + output.stderr().strip());
    }
    return output.stdout();
  }

  /**
   * Scores the run file {@code runFile} against {@code qrels} with {@code trec_eval -c -q -M 1000}
   * ({@code -M 10} for {@code mrr_10}), the settings {@link RunEvaluator#defaults()} reproduces.
   * Per-query values cover every judged query (those {@code trec_eval} does not print, because the run
   * has no results for them, are 0 under {@code -c}); the mean is {@code trec_eval}'s own summary row.
   * All values therefore carry {@code trec_eval}'s 4 printed decimals.
   *
   * @throws IllegalArgumentException if a judged query is named "all", which {@code trec_eval}'s
   *     output cannot tell apart from its summary row
   * @throws IOException if {@code trec_eval} fails, or averages another number of queries than the
   *     qrels judge. Two refusals of trec_eval 9.0.4 that {@link RunEvaluator} does not share: a run
   *     with results for no judged query (exit 7, "No queries with both results and relevance
   *     info"), and qrels where the first query it scores has only negative grades (exit 4, "Can't
   *     calculate measure"; a malloc(0) bug; BEIR qrels have no negative grades)
   */
  public Evaluation evaluate(Qrels qrels, Path runFile) throws IOException {
    Objects.requireNonNull(qrels, "qrels");
    Objects.requireNonNull(runFile, "runFile");
    if (qrels.judgedQueries().contains(SUMMARY)) {
      throw new IllegalArgumentException(
          "a query id \"" + SUMMARY + "\" cannot be told apart from trec_eval's summary row");
    }
    Path qrelsFile = Files.createTempFile("latte-qrels", ".txt");
    try {
      TrecQrelsWriter.write(qrelsFile, qrels);
      String depth = Integer.toString(RunEvaluator.DEFAULT_DEPTH);
      Map<String, Map<String, Double>> main =
          parse(
              run(
                  List.of(
                      "-c", "-q", "-M", depth, "-m", "num_q", "-m", "ndcg_cut.10", "-m",
                      "recall.100", "-m", "map", "-m", "recip_rank", qrelsFile.toString(),
                      runFile.toString())));
      Map<String, Map<String, Double>> top10 =
          parse(
              run(
                  List.of(
                      "-c", "-q", "-M", "10", "-m", "recip_rank", qrelsFile.toString(),
                      runFile.toString())));
      double averaged = value(main, SUMMARY, "num_q");
      if (averaged != qrels.judgedQueries().size()) {
        throw new IOException(
            "trec_eval averaged "
                + (long) averaged
                + " queries but the qrels judge "
                + qrels.judgedQueries().size());
      }
      Map<String, Measures> perQuery = new LinkedHashMap<>();
      for (String queryId : qrels.judgedQueries()) {
        perQuery.put(queryId, measures(main, top10, queryId));
      }
      return new Evaluation(perQuery, measures(main, top10, SUMMARY));
    } finally {
      Files.deleteIfExists(qrelsFile);
    }
  }

  private static Measures measures(
      Map<String, Map<String, Double>> main, Map<String, Map<String, Double>> top10, String query) {
    if (!main.containsKey(query)) {
      return Measures.ZERO;
    }
    return new Measures(
        value(main, query, "ndcg_cut_10"),
        value(main, query, "recall_100"),
        value(main, query, "map"),
        value(main, query, "recip_rank"),
        value(top10, query, "recip_rank"));
  }

  private static double value(
      Map<String, Map<String, Double>> rows, String query, String measure) {
    Double value = rows.getOrDefault(query, Map.of()).get(measure);
    if (value == null) {
      throw new IllegalStateException(
          "trec_eval printed no " + measure + " for query \"" + query + "\"");
    }
    return value;
  }

  /** {@code -q} output, "measure  qid  value" per line, as qid → measure → value. */
  private static Map<String, Map<String, Double>> parse(List<String> lines) throws IOException {
    Map<String, Map<String, Double>> rows = new HashMap<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.strip().split("\\s+");
      if (fields.length != 3) {
        throw new IOException("unexpected trec_eval output line: " + line);
      }
      try {
        rows.computeIfAbsent(fields[1], q -> new HashMap<>())
            .put(fields[0], Double.parseDouble(fields[2]));
      } catch (NumberFormatException e) {
        throw new IOException("unexpected trec_eval output line: " + line, e);
      }
    }
    return rows;
  }

  private record Output(int exitCode, List<String> stdout, String stderr) {}

  private Output exec(List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    // stderr to a file, so neither pipe can fill up and block the process while we read the other.
    Path errors = Files.createTempFile("latte-trec_eval", ".err");
    try {
      Process process;
      try {
        process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      } catch (IOException e) {
        throw new IOException(
            "cannot start "
                + executable
                + " (the bundled Linux binary needs glibc's /lib64/ld-linux-x86-64.so.2)",
            e);
      }
      process.getOutputStream().close();
      List<String> stdout = new ArrayList<>();
      try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          stdout.add(line);
        }
      }
      int exit;
      try {
        exit = process.waitFor();
      } catch (InterruptedException e) {
        process.destroy();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for trec_eval", e);
      }
      return new Output(exit, stdout, Files.readString(errors, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(errors);
    }
  }

  @Override
  public String toString() {
    return "TrecEvalBinary[" + executable + "]";
  }
}

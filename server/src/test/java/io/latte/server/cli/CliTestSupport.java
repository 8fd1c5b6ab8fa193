package io.latte.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the real CLI in-process and captures what picocli and our handlers print. */
final class CliTestSupport {
  /** The sample collection in the source tree (tests run with the module folder as working dir). */
  static final Path SAMPLE = Path.of("..", "eval", "src", "main", "resources", "sample");

  record Result(int exitCode, String out, String err) {}

  private CliTestSupport() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = LatteMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code ../shared/datasets/<name>} when this checkout has it, else null. */
  static Path sharedDataset(String name) {
    String shared = System.getProperty("latte.shared.dir", Path.of("..", "..", "shared").toString());
    Path p = Path.of(shared, "datasets", name);
    return Files.isDirectory(p) ? p : null;
  }
}

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

  /** Runs the CLI capturing System.out too (commands print results there), before picocli's own output. */
  static Result runCapturingStdout(String... args) {
    java.io.PrintStream saved = System.out;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    Result r;
    try {
      System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
      r = run(args);
    } finally {
      System.setOut(saved);
    }
    return new Result(r.exitCode(), buf.toString(java.nio.charset.StandardCharsets.UTF_8) + r.out(), r.err());
  }

  /** {@code ../shared/datasets/<name>} when this checkout has it, else null. */
  static Path sharedDataset(String name) {
    String shared = System.getProperty("latte.shared.dir", Path.of("..", "..", "shared").toString());
    Path p = Path.of(shared, "datasets", name);
    return Files.isDirectory(p) ? p : null;
  }
}

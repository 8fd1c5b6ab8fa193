package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.models.Encoders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** The CLI items of issue 15: help texts that list the models, progress fit for log files, kernels in --version. */
class CliHardeningTest {

  @Test
  void evalHelpListsTheEmbeddedModels() {
    for (String command : new String[] {"eval", "index", "encode", "compression"}) {
      CliTestSupport.Result r = CliTestSupport.run(command, "--help");
      assertEquals(0, r.exitCode(), r.err());
      String help = r.out().replaceAll("\\s+", " ");
      assertFalse(help.contains("Embedded model name ()"), command + ": " + help);
      for (String name : Encoders.embeddedNames()) {
        assertTrue(help.contains(name), command + " --help lacks " + name + ": " + help);
      }
    }
  }

  @Test
  void serveRefusesABodyLimitNoArrayCanHold(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    CliTestSupport.Result r = CliTestSupport.run("serve", "--index", tmp.resolve("i").toString(), "--max-request-mb", "4096");
    assertTrue(r.exitCode() != 0, r.err());
    assertTrue(r.err().contains("--max-request-mb must be at most 2047"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void versionSaysWhichKernelsRun() {
    CliTestSupport.Result r = CliTestSupport.run("--version");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("vector kernels: "), r.out());
  }

  /** Not a terminal (as under the test runner, or {@code latte index > log}): plain lines, no {@code \r} frames. */
  @Test
  void progressToAFileIsPlainLines() throws Exception {
    String saved = System.getProperty("latte.progress");
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setProperty("latte.progress", "lines");
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertFalse(Progress.interactive());
      try (ProgressBar bar = Progress.bar("encode", 1000, "docs")) {
        for (int i = 0; i < 1000; i++) {
          bar.step();
        }
      }
    } finally {
      System.setErr(err);
      if (saved == null) {
        System.clearProperty("latte.progress");
      } else {
        System.setProperty("latte.progress", saved);
      }
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    assertFalse(out.contains("\r"), "no carriage returns: " + out.replace("\r", "\\r"));
    assertTrue(out.lines().anyMatch(l -> l.startsWith("encode") && l.contains("1000/1000")), out);
    assertTrue(out.lines().count() <= 3, "a line per 10 s, plus the start and the end: " + out);
  }
}

package io.latte.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.latte.models.Encoders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
  void serveChecksPortAndKeyFileBeforeStarting(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    String index = tmp.resolve("i").toString();
    CliTestSupport.Result port = CliTestSupport.run("serve", "--index", index, "--port", "70000");
    assertTrue(port.exitCode() != 0 && port.err().contains("--port must be in [0, 65535]"), port.err());
    java.nio.file.Path big = java.nio.file.Files.writeString(tmp.resolve("big.key"), "k".repeat(5000));
    CliTestSupport.Result size = CliTestSupport.run("serve", "--index", index, "--api-key-file", big.toString());
    assertTrue(size.exitCode() != 0 && size.err().contains("larger than 4096 bytes"), size.err());
    java.nio.file.Path lines = java.nio.file.Files.writeString(tmp.resolve("two.key"), "first\nsecond\n");
    CliTestSupport.Result two = CliTestSupport.run("serve", "--index", index, "--api-key-file", lines.toString());
    assertTrue(two.exitCode() != 0 && two.err().contains("one line"), two.err());
    for (CliTestSupport.Result r : List.of(port, size, two)) {
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
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

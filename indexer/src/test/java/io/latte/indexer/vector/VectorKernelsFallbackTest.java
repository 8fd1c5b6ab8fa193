package io.latte.indexer.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the incubator module the facade must still link, pick scalar, and say why. */
class VectorKernelsFallbackTest {

  private static String[] run(String... jvmArgs) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PrintKernels.class.getName());
    Process p = new ProcessBuilder(cmd).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), err);
    return new String[] {out, err};
  }

  @Test
  void scalarWithoutTheModule() throws Exception {
    String[] r = run();
    assertEquals("scalar 84.0", r[0]); // 1*7 + 2*6 + ... + 7*1 = 84 beats 28
    assertTrue(r[1].contains("--add-modules jdk.incubator.vector"), r[1]);
  }

  @Test
  void forcedScalarAndSimdGiveTheSameScore() throws Exception {
    assertEquals("scalar 84.0",
        run("--add-modules", "jdk.incubator.vector", "-Dlatte.vector.scalar=true")[0]);
    assertTrue(run("--add-modules", "jdk.incubator.vector")[0].matches("panama\\(\\d+-bit\\) 84\\.0"));
  }
}

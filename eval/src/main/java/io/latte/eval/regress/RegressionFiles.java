package io.latte.eval.regress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads and writes the regression files of one folder ({@code <name>.json} each). */
public final class RegressionFiles {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private final Path dir;

  public RegressionFiles(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The repository root: dataset paths in the files are relative to it. */
  public Path root() {
    Path parent = dir.toAbsolutePath().normalize().getParent();
    return parent == null ? dir.toAbsolutePath() : parent;
  }

  /** Every spec in the folder, by name. */
  public List<RegressionSpec> all() throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no regressions folder");
    }
    List<RegressionSpec> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        out.add(read(f));
      }
    }
    return out;
  }

  /**
   * The specs named (all, or the quick set when {@code quick}, when none are named).
   *
   * @throws IllegalArgumentException for a name without a file, listing the known ones
   */
  public List<RegressionSpec> select(List<String> names, boolean quick) throws IOException {
    List<RegressionSpec> all = all();
    if (names == null || names.isEmpty()) {
      return all.stream().filter(s -> !quick || s.quick()).toList();
    }
    List<RegressionSpec> out = new ArrayList<>();
    for (String n : names) {
      out.add(all.stream().filter(s -> s.name().equals(n)).findFirst().orElseThrow(() ->
          new IllegalArgumentException("no regression '" + n + "' in " + dir + "; known: "
              + String.join(", ", all.stream().map(RegressionSpec::name).toList()))));
    }
    return out;
  }

  static RegressionSpec read(Path file) throws IOException {
    RegressionSpec s;
    try {
      s = JSON.readValue(file.toFile(), RegressionSpec.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException(file + ": not a valid regression file: " + e.getOriginalMessage(), e);
    }
    String expectedName = file.getFileName().toString().replaceFirst("\\.json$", "");
    if (!s.name().equals(expectedName)) {
      throw new IOException(file + ": name '" + s.name() + "' must match the file name '" + expectedName + "'");
    }
    return s;
  }

  /** Replaces {@code <name>.json} atomically (a crash leaves the old file or the new one). */
  public void write(RegressionSpec spec) throws IOException {
    Path target = dir.resolve(spec.name() + ".json");
    Path tmp = dir.resolve(spec.name() + ".json.tmp");
    Files.write(tmp, (JSON.writeValueAsString(spec) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}

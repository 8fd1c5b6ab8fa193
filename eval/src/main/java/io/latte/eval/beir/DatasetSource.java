package io.latte.eval.beir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the files of a BEIR-layout dataset come from: a directory on disk, or a prefix on the classpath
 * (the demo sample ships inside the eval jar under {@code /sample/}, where there is no directory to
 * point at). Everything above this interface reads both the same way.
 *
 * <p>Files are named by relative paths with {@code '/'} separators, such as {@code "qrels/test.tsv"}.
 */
public sealed interface DatasetSource permits DatasetSource.Directory, DatasetSource.Classpath {

  /** A dataset in a directory on disk. Whether it exists is checked when it is opened. */
  static DatasetSource directory(Path dir) {
    return new Directory(dir);
  }

  /**
   * A dataset stored as classpath resources under {@code prefix} (for example {@code "/sample/"}),
   * looked up through the class loader that loaded this interface.
   */
  static DatasetSource classpath(String prefix) {
    return classpath(DatasetSource.class.getClassLoader(), prefix);
  }

  /** A dataset stored as classpath resources under {@code prefix}, looked up through {@code loader}. */
  static DatasetSource classpath(ClassLoader loader, String prefix) {
    return new Classpath(loader, prefix);
  }

  /** A short name for the dataset: the last segment of the directory or prefix (e.g. "scifact"). */
  String name();

  /** Whether the file exists (and is a file, not a directory). */
  boolean exists(String relativePath);

  /**
   * Opens a file for reading.
   *
   * @throws NoSuchFileException naming {@link #location(String)} when the file does not exist
   */
  InputStream open(String relativePath) throws IOException;

  /** The full location of a file, for messages: a filesystem path or {@code classpath:/prefix/file}. */
  String location(String relativePath);

  /** Files on disk under {@code dir}. */
  record Directory(Path dir) implements DatasetSource {
    public Directory {
      Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String name() {
      Path normalized = dir.toAbsolutePath().normalize();
      Path last = normalized.getFileName();
      return last == null ? normalized.toString() : last.toString();
    }

    @Override
    public boolean exists(String relativePath) {
      return Files.isRegularFile(resolve(relativePath));
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
      Path file = resolve(relativePath);
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString(), null, "file not found");
      }
      return Files.newInputStream(file);
    }

    @Override
    public String location(String relativePath) {
      return resolve(relativePath).toString();
    }

    private Path resolve(String relativePath) {
      return dir.resolve(checkRelative(relativePath));
    }
  }

  /** Resources under {@code prefix}, which is normalized to have no leading and one trailing '/'. */
  record Classpath(ClassLoader loader, String prefix) implements DatasetSource {
    public Classpath {
      Objects.requireNonNull(loader, "loader");
      Objects.requireNonNull(prefix, "prefix");
      // ClassLoader resource names never start with '/', unlike Class.getResource's.
      String trimmed = prefix.replaceAll("^/+", "").replaceAll("/+$", "");
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(
            "classpath prefix must name a folder such as \"/sample/\", got \"" + prefix + "\"");
      }
      prefix = trimmed + "/";
    }

    @Override
    public String name() {
      String trimmed = prefix.substring(0, prefix.length() - 1);
      return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public boolean exists(String relativePath) {
      // A folder can also resolve to a URL; corpus/query/qrels names all end in a file extension.
      return loader.getResource(resourceName(relativePath)) != null;
    }

    @Override
    public InputStream open(String relativePath) throws IOException {
      InputStream in = loader.getResourceAsStream(resourceName(relativePath));
      if (in == null) {
        throw new NoSuchFileException(location(relativePath), null, "no such classpath resource");
      }
      return in;
    }

    @Override
    public String location(String relativePath) {
      return "classpath:/" + resourceName(relativePath);
    }

    private String resourceName(String relativePath) {
      return prefix + checkRelative(relativePath);
    }
  }

  private static String checkRelative(String relativePath) {
    Objects.requireNonNull(relativePath, "relativePath");
    if (relativePath.isEmpty()
        || relativePath.startsWith("/")
        || relativePath.contains("\\")
        || ("/" + relativePath + "/").contains("/../")) {
      throw new IllegalArgumentException(
          "dataset file must be a relative '/'-separated path inside the dataset, got \""
              + relativePath
              + "\"");
    }
    return relativePath;
  }
}

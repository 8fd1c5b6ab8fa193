package io.latte.server.cli;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodeProgress;
import io.latte.eval.encode.EncodingCache;
import io.latte.models.TokenEncoder;
import java.io.IOException;
import java.nio.file.Path;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr (rate and ETA), so long jobs show they are alive and how long is left: a bar
 * redrawn in place on a terminal; one plain line every {@value #LINE_INTERVAL_MS} ms otherwise
 * ({@code latte index > log}), so files and CI logs get no {@code \r} frames.
 */
final class Progress {
  /** How often a non-terminal gets a progress line. */
  static final int LINE_INTERVAL_MS = 10_000;

  private Progress() {}

  static ProgressBar bar(String task, long total, String unit) {
    ProgressBarBuilder b = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII);
    if (interactive()) {
      return b.setUpdateIntervalMillis(1000).continuousUpdate().clearDisplayOnFinish().build();
    }
    // System.err looked up per line: tests and callers may redirect it. The bar renders again on
    // close; an unchanged line is not repeated.
    String[] last = {""};
    return b.setUpdateIntervalMillis(LINE_INTERVAL_MS).continuousUpdate()
        .setConsumer(new DelegatingProgressBarConsumer(line -> {
          String l = line.strip();
          if (!l.isEmpty() && !l.equals(last[0])) {
            System.err.println(l);
            last[0] = l;
          }
        }, 200))
        .build();
  }

  /**
   * Whether stderr is a terminal. The launcher knows (it sets {@code latte.progress} to {@code bar}
   * or {@code lines}); elsewhere, {@code Console.isTerminal()} (Java 22+), else whether there is a
   * console at all (Java 21 returns none when output is redirected).
   */
  static boolean interactive() {
    String mode = System.getProperty("latte.progress", "");
    if (mode.equals("bar") || mode.equals("lines")) {
      return mode.equals("bar");
    }
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /**
   * A dataset's encoded corpus through the encoding cache ({@code cacheDir} null: the default
   * location), encoding with a progress bar when the cache does not have it yet.
   */
  static DatasetEncoding.Result corpus(BeirDataset dataset, TokenEncoder encoder, ModelOptions model,
      Path cacheDir, boolean force) throws IOException {
    var census = DatasetEncoding.census(dataset);
    var cache = cacheDir != null ? new EncodingCache(cacheDir) : EncodingCache.defaultLocation();
    try (ProgressBar bar = bar("encode", census.documents(), "docs")) {
      return DatasetEncoding.load(dataset, census, encoder, model.effectiveDocumentTokens(),
          cache, force, encoding(bar));
    }
  }

  /** Adapts a bar counting documents to the encoder's progress callback; tokens/s as extra text. */
  static EncodeProgress encoding(ProgressBar bar) {
    long start = System.nanoTime();
    long[] tokens = {0};
    return (docs, toks) -> {
      tokens[0] += toks;
      double secs = (System.nanoTime() - start) / 1e9;
      bar.stepBy(docs);
      bar.setExtraMessage(String.format(" %.0f tok/s", tokens[0] / Math.max(secs, 1e-9)));
    };
  }
}

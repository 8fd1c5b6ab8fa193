package io.latte.server.cli;

import io.latte.eval.beir.BeirDataset;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodeProgress;
import io.latte.eval.encode.EncodingCache;
import io.latte.models.TokenEncoder;
import java.io.IOException;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars on stderr (rate and ETA), so long jobs show they are alive and how long is left. */
final class Progress {
  private Progress() {}

  static ProgressBar bar(String task, long total, String unit) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .showSpeed()
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .continuousUpdate()
        .clearDisplayOnFinish()
        .build();
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

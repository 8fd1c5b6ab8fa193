package io.latte.server.cli;

import io.latte.eval.encode.EncodeProgress;
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

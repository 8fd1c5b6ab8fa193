package io.latte.eval.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, dependency-free SVG line chart of nDCG@10 against p50 latency (log-scaled x axis), one
 * line per series, each point labelled with its setting, reference lines for single-point modes.
 */
public final class SvgPlot {
  private static final int W = 760;
  private static final int H = 480;
  private static final int L = 70;
  private static final int R = 170;
  private static final int T = 40;
  private static final int B = 60;
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

  private SvgPlot() {}

  public static void write(Path file, String title, List<CurvePoint> points) throws IOException {
    write(file, title, "nDCG@10", points);
  }

  /** The same chart with another quality measure on the y axis (in {@link CurvePoint#ndcg_cut_10()}). */
  public static void write(Path file, String title, String yLabel, List<CurvePoint> points) throws IOException {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("nothing to plot");
    }
    double minX = Double.MAX_VALUE;
    double maxX = 0;
    double minY = 1;
    double maxY = 0;
    for (CurvePoint p : points) {
      minX = Math.min(minX, Math.max(p.p50_ms(), 0.01));
      maxX = Math.max(maxX, Math.max(p.p50_ms(), 0.01));
      minY = Math.min(minY, p.ndcg_cut_10());
      maxY = Math.max(maxY, p.ndcg_cut_10());
    }
    double lx0 = Math.floor(Math.log10(minX));
    double lx1 = Math.ceil(Math.log10(maxX));
    if (lx1 <= lx0) {
      lx1 = lx0 + 1;
    }
    double y0 = Math.floor(minY * 50) / 50 - 0.01;
    double y1 = Math.ceil(maxY * 50) / 50 + 0.01;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        W, H));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", W, H));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", L, escape(title)));
    int pw = W - L - R;
    int ph = H - T - B;
    s.append(String.format(Locale.ROOT,
        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n", L, T, pw, ph));
    for (double e = lx0; e <= lx1; e++) {
      double x = L + (e - lx0) / (lx1 - lx0) * pw;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s ms</text>%n",
          x, T, x, T + ph, x, T + ph + 18, trim(Math.pow(10, e))));
    }
    for (double y = Math.ceil(y0 * 50) / 50; y <= y1 + 1e-9; y += 0.02) {
      double py = T + (y1 - y) / (y1 - y0) * ph;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.2f</text>%n",
          L, py, L + pw, py, L - 6, py + 4, y));
    }
    s.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">p50 search latency, one thread (log scale)</text>%n",
        L + pw / 2, H - 15));
    s.append(String.format(Locale.ROOT,
        "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" text-anchor=\"middle\">%s</text>%n",
        T + ph / 2, T + ph / 2, yLabel));
    Map<String, List<CurvePoint>> series = new LinkedHashMap<>();
    for (CurvePoint p : points) {
      series.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p);
    }
    int i = 0;
    for (var e : series.entrySet()) {
      String color = COLORS[i % COLORS.length];
      StringBuilder path = new StringBuilder();
      for (CurvePoint p : e.getValue()) {
        double x = L + (Math.log10(Math.max(p.p50_ms(), 0.01)) - lx0) / (lx1 - lx0) * pw;
        double y = T + (y1 - p.ndcg_cut_10()) / (y1 - y0) * ph;
        path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        s.append(String.format(Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s</text>%n",
            x, y, color, x + 6, y - 6, color, escape(p.setting())));
      }
      s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, color));
      int ly = T + 20 + 22 * i;
      s.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
          L + pw + 15, ly, L + pw + 40, ly, color, L + pw + 46, ly + 4, escape(e.getKey())));
      i++;
    }
    s.append("</svg>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, s, StandardCharsets.UTF_8);
  }

  private static String trim(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

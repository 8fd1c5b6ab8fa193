package io.latte.eval.demo;

import io.latte.eval.baseline.Bm25Baseline;
import io.latte.eval.beir.BeirDataset;
import io.latte.eval.beir.BeirDocument;
import io.latte.eval.beir.BeirQuery;
import io.latte.eval.beir.CloseableIterator;
import io.latte.eval.beir.DatasetSource;
import io.latte.eval.encode.DatasetEncoding;
import io.latte.eval.encode.EncodedCorpus;
import io.latte.eval.encode.Flatten;
import io.latte.eval.harness.BaselineModes;
import io.latte.eval.harness.EvalReport;
import io.latte.eval.harness.ModeRun;
import io.latte.eval.harness.ModeRunner;
import io.latte.eval.harness.QuerySet;
import io.latte.eval.harness.RunExecutor;
import io.latte.eval.metrics.ScoredDoc;
import io.latte.indexer.vector.VectorKernels;
import io.latte.models.EncodedText;
import io.latte.models.TokenEncoder;
import io.latte.searcher.SearchMode;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the demo on the bundled sample collection and prints it to {@code out}: exact MaxSim over the
 * float vectors (the oracle), the same vectors compressed into a latte index and searched by token
 * retrieval ({@code xtr}) and candidate re-ranking ({@code colbert}), and the dense and BM25
 * baselines.
 */
public final class Demo {
  /** Classpath folder of the sample collection. */
  public static final String SAMPLE = "/sample/";

  private static final int SHOWN_HITS = 3;

  private final TokenEncoder encoder;
  private final PrintStream out;

  public Demo(TokenEncoder encoder, PrintStream out) {
    this.encoder = encoder;
    this.out = out;
  }

  /** The sample collection shipped in this jar. */
  public static BeirDataset sample() throws IOException {
    return BeirDataset.open(DatasetSource.classpath(Demo.class.getClassLoader(), SAMPLE));
  }

  /** Runs every mode, prints hits, matches and metrics; returns the report for callers and tests. */
  public EvalReport run() throws IOException {
    BeirDataset dataset = sample();
    List<BeirDocument> docs = new ArrayList<>();
    try (CloseableIterator<BeirDocument> it = dataset.openCorpus()) {
      it.forEachRemaining(docs::add);
    }
    List<BeirQuery> queries = dataset.queries("test");
    out.printf(Locale.ROOT, "latte demo: model %s (%d-d tokens), sample collection: %d passages, %d queries%n",
        encoder.info().name(), encoder.info().dim(), docs.size(), queries.size());

    long t0 = System.nanoTime();
    List<EncodedText> encoded = encoder.encodeDocuments(docs.stream().map(BeirDocument::fullText).toList());
    double secs = (System.nanoTime() - t0) / 1e9;
    EncodedCorpus corpus = toCorpus(docs, encoded);
    out.printf(Locale.ROOT, "encoded %d passages, %d tokens in %.1f s (%.0f passages/s)%n",
        corpus.size(), corpus.totalTokens(), secs, corpus.size() / secs);

    QuerySet qs = QuerySet.encode(queries.stream().map(BeirQuery::id).toList(),
        queries.stream().map(BeirQuery::text).toList(), encoder);
    EvalReport report = new EvalReport("sample", encoder.info().name(), dataset.qrels("test"));
    Map<String, ModeRun> runs = new LinkedHashMap<>();
    RunExecutor executor = new RunExecutor(1);
    long t1 = System.nanoTime();
    try (DemoIndex index = DemoIndex.build(encoder, docs, encoded);
        Bm25Baseline bm25 = new Bm25Baseline(DatasetEncoding.asIdText(docs.iterator()))) {
      var meta = index.index().meta();
      out.printf(Locale.ROOT, "indexed them in %.1f s: %d centroids, %d-bit residuals, %d + %d bytes per token"
              + " (float: %d); xtr and colbert below search this index%n%n",
          (System.nanoTime() - t1) / 1e9, meta.centroids(), meta.bits(), meta.centroidBytes(), meta.bytesPerVector(),
          4 * meta.inputDim());
      Map<String, ModeRunner> modes = new LinkedHashMap<>();
      modes.put("exact", BaselineModes.exact(corpus, qs));
      modes.put("xtr", index.runner(qs, SearchMode.XTR));
      modes.put("colbert", index.runner(qs, SearchMode.COLBERT));
      modes.put("dense", BaselineModes.dense(corpus, qs));
      modes.put("bm25", BaselineModes.bm25(bm25, qs));
      for (var m : modes.entrySet()) {
        ModeRun run = executor.run(m.getKey(), qs, m.getValue(), 100);
        runs.put(m.getKey(), run);
        report.add(run, null);
      }
    }
    Map<String, Integer> ordinal = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      ordinal.put(docs.get(i).id(), i);
      titles.put(docs.get(i).id(), docs.get(i).title());
    }
    for (int q = 0; q < qs.size(); q++) {
      out.printf(Locale.ROOT, "%s  \"%s\"%n", qs.id(q), qs.text(q));
      for (var run : runs.values()) {
        List<ScoredDoc> hits = run.run().get(qs.id(q));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-7s", run.mode()));
        for (int i = 0; i < Math.min(SHOWN_HITS, hits.size()); i++) {
          ScoredDoc h = hits.get(i);
          line.append(String.format(Locale.ROOT, " %s %-28s", h.docId(), shorten(titles.get(h.docId()), 26)));
        }
        out.println(line);
      }
      List<ScoredDoc> exactHits = runs.get("exact").run().get(qs.id(q));
      if (!exactHits.isEmpty()) {
        int d = ordinal.get(exactHits.get(0).docId());
        printMatches(qs.encoded(q), encoded.get(d), docs.get(d).fullText());
      }
      out.println();
    }
    out.print(report.table());
    return report;
  }

  /** Query token → best document token of the first exact hit: the same kernel as its score. */
  private void printMatches(EncodedText query, EncodedText doc, String docText) {
    int qt = query.length();
    float[] best = new float[qt];
    int[] arg = new int[qt];
    VectorKernels.maxSimPerToken(Flatten.rows(query), qt, Flatten.rows(doc), doc.length(),
        query.vectors()[0].length, best, arg);
    StringBuilder sb = new StringBuilder("  matches of the first exact hit:");
    for (int i = 0; i < qt; i++) {
      if (query.starts()[i] < 0) {
        continue; // [CLS], [SEP]: not words of the query
      }
      int j = arg[i];
      String target = j < 0 ? "-" : doc.starts()[j] < 0 ? doc.tokens()[j] : docText.substring(doc.starts()[j], doc.ends()[j]);
      sb.append(String.format(Locale.ROOT, " %s→%s %.2f;", query.tokens()[i], target, best[i]));
    }
    out.println(sb);
  }

  private static EncodedCorpus toCorpus(List<BeirDocument> docs, List<EncodedText> encoded) {
    List<String> ids = new ArrayList<>();
    List<float[]> tokens = new ArrayList<>();
    List<float[]> pooled = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      ids.add(docs.get(i).id());
      tokens.add(Flatten.rows(encoded.get(i)));
      float[] p = encoded.get(i).pooled();
      pooled.add(p == null ? new float[0] : p);
    }
    return new EncodedCorpus(encoded.isEmpty() ? "" : "demo", "in-memory", encoded.get(0).vectors()[0].length,
        ids, tokens, pooled);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}

package io.latte.indexer.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Read throughput of precomputed vectors, binary file vs JSONL {@code "vectors"} field: writes
 * {@code docs} documents of 100 unit vectors of 384 floats in both forms under a folder, then reads
 * each three times and prints tokens per second of the best run (the indexer's input side only).
 *
 * <p>Run: {@code java -cp $CP io.latte.indexer.input.TokenVectorsReadBenchmarkMain /tmp/vecbench 500}
 * with the classpath of the codebook package's reproduction note.
 */
public final class TokenVectorsReadBenchmarkMain {

  private TokenVectorsReadBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int docs = Integer.parseInt(args[1]);
    int tokens = 100;
    int dim = 384;
    Path bin = dir.resolve("bench.vec");
    Path jsonl = dir.resolve("bench.jsonl");
    Random r = new Random(42);
    ObjectMapper json = new ObjectMapper();
    try (TokenVectorsWriter w = TokenVectorsWriter.create(bin, dim);
        BufferedWriter out = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      for (int d = 0; d < docs; d++) {
        float[] v = new float[tokens * dim];
        float[][] rows = new float[tokens][dim];
        for (int t = 0; t < tokens; t++) {
          double norm = 0;
          for (int k = 0; k < dim; k++) {
            rows[t][k] = (float) r.nextGaussian();
            norm += rows[t][k] * rows[t][k];
          }
          for (int k = 0; k < dim; k++) {
            rows[t][k] /= (float) Math.sqrt(norm);
            v[t * dim + k] = rows[t][k];
          }
        }
        w.write("doc" + d, v, tokens);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_id", "doc" + d);
        line.put("vectors", rows);
        out.write(json.writeValueAsString(line));
        out.newLine();
      }
    }
    System.out.printf("%d documents x %d tokens x %d floats: binary %.1f MB, JSONL %.1f MB (%.2fx)%n", docs, tokens,
        dim, Files.size(bin) / 1e6, Files.size(jsonl) / 1e6, (double) Files.size(jsonl) / Files.size(bin));
    for (String form : new String[] {"binary", "jsonl"}) {
      double best = 0;
      for (int run = 0; run < 3; run++) {
        long t0 = System.nanoTime();
        long n = 0;
        try (DocumentSource src = form.equals("binary") ? TokenVectorsFile.open(bin) : CorpusFile.open(jsonl)) {
          while (src.hasNext()) {
            n += ((SourceDocument) src.next()).vectors().tokenCount();
          }
        }
        best = Math.max(best, n / ((System.nanoTime() - t0) / 1e9));
      }
      System.out.printf("%s: %.0f tokens/s (best of 3, page cache warm)%n", form, best);
    }
  }
}

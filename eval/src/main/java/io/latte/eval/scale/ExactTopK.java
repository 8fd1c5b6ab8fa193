package io.latte.eval.scale;

import io.latte.indexer.input.TokenVectors;
import io.latte.indexer.vector.MaxDotAccumulator;
import io.latte.indexer.vector.PackedVectors;
import io.latte.indexer.vector.VectorKernels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The oracle of the scale benchmark: exhaustive exact MaxSim top k of every query over a {@link
 * VectorCorpus}, on all cores, regenerating each document as it is scored (nothing is held but one
 * document per thread and the k best per query). Results are cached on disk, keyed by the corpus
 * fingerprint and size, the query vectors and k: at 100 M tokens one pass is the most expensive
 * part of a run and its answer never changes.
 */
public final class ExactTopK {
  /** Documents a thread claims at a time: large enough to make the shared counter cheap. */
  private static final int CHUNK = 256;

  private ExactTopK() {}

  /**
   * The exact top {@code k} ids per query, best first (ties: the lower document position first),
   * from {@code cacheDir} when computed before, else computed with {@code threads} threads and
   * stored there.
   *
   * @param queries per query {@code tokens × dim} vectors
   */
  public static List<List<String>> topK(VectorCorpus corpus, List<float[][]> queries, int k, int threads,
      Path cacheDir) throws IOException {
    Path file = cacheDir == null ? null : cacheDir.resolve("exact-top" + k + "-" + key(corpus, queries, k) + ".tsv");
    if (file != null && Files.exists(file)) {
      List<List<String>> cached = read(file);
      if (cached.size() == queries.size()) {
        return cached;
      }
    }
    List<List<String>> result = compute(corpus, queries, k, threads);
    if (file != null) {
      Files.createDirectories(cacheDir);
      Path tmp = cacheDir.resolve(file.getFileName() + ".tmp");
      StringBuilder sb = new StringBuilder();
      for (List<String> ids : result) {
        sb.append(String.join("\t", ids)).append('\n');
      }
      Files.writeString(tmp, sb, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return result;
  }

  /** Computes without a cache. */
  public static List<List<String>> compute(VectorCorpus corpus, List<float[][]> queries, int k, int threads) {
    QueryBlock block = QueryBlock.of(queries, corpus.dim());
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<TopK[]>> parts = new ArrayList<>();
      for (int t = 0; t < Math.max(1, threads); t++) {
        parts.add(pool.submit(() -> scan(corpus, block, k, next)));
      }
      TopK[] merged = newHeaps(queries.size(), k);
      for (Future<TopK[]> f : parts) {
        TopK[] part = f.get();
        for (int q = 0; q < merged.length; q++) {
          merged[q].addAll(part[q]);
        }
      }
      List<List<String>> out = new ArrayList<>(merged.length);
      for (TopK h : merged) {
        List<String> ids = new ArrayList<>();
        for (long doc : h.bestFirst()) {
          ids.add(corpus.id(doc));
        }
        out.add(ids);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Every query's tokens, concatenated and packed once: one pass of the MaxDot kernel over a
   * document's tokens gives every query token its best dot product, i.e. all queries' MaxSim at once.
   * Packed one query at a time, each query paid its padding to a whole kernel panel (32 rows with
   * AVX-512, while queries have fewer tokens) and an accumulator per (query, document) pair; as one
   * block the only padding is the last panel's and nothing is allocated per document. The dot
   * products and the per-query sums (in token order) are the ones {@link VectorKernels#maxSim} makes,
   * so the scores are bit-identical to scoring each query alone.
   *
   * @param start query {@code q}'s tokens are rows {@code [start[q], start[q + 1])}
   */
  record QueryBlock(PackedVectors packed, int[] start) {
    static QueryBlock of(List<float[][]> queries, int dim) {
      int[] start = new int[queries.size() + 1];
      for (int q = 0; q < queries.size(); q++) {
        start[q + 1] = start[q] + queries.get(q).length;
      }
      float[] flat = new float[start[queries.size()] * dim];
      for (int q = 0; q < queries.size(); q++) {
        float[][] v = queries.get(q);
        for (int t = 0; t < v.length; t++) {
          System.arraycopy(v[t], 0, flat, (start[q] + t) * dim, dim);
        }
      }
      return new QueryBlock(VectorKernels.pack(flat, 0, start[queries.size()], dim), start);
    }

    int queries() {
      return start.length - 1;
    }
  }

  private static TopK[] scan(VectorCorpus corpus, QueryBlock block, int k, AtomicLong next) {
    TopK[] heaps = newHeaps(block.queries(), k);
    MaxDotAccumulator acc = new MaxDotAccumulator(block.packed());
    float[] best = new float[block.packed().rows()];
    int[] start = block.start();
    long n = corpus.documents();
    for (long begin = next.getAndAdd(CHUNK); begin < n; begin = next.getAndAdd(CHUNK)) {
      long end = Math.min(n, begin + CHUNK);
      for (long d = begin; d < end; d++) {
        TokenVectors v = corpus.document(d);
        if (v.tokenCount() == 0) {
          Arrays.fill(best, 0f); // MaxSim of an empty document is 0
        } else {
          acc.reset();
          acc.accept(v.values(), 0, v.tokenCount());
          acc.copyTo(best, null, 0);
        }
        for (int q = 0; q < heaps.length; q++) {
          float sum = 0f;
          for (int i = start[q]; i < start[q + 1]; i++) {
            sum += best[i];
          }
          heaps[q].offer(sum, d);
        }
      }
    }
    return heaps;
  }

  private static TopK[] newHeaps(int n, int k) {
    TopK[] h = new TopK[n];
    for (int i = 0; i < n; i++) {
      h[i] = new TopK(k);
    }
    return h;
  }

  /** The k best (score, document) pairs; worst on top. Ties: the lower position ranks higher. */
  private static final class TopK {
    private record Entry(float score, long doc) {}

    private final int k;
    private final PriorityQueue<Entry> heap;

    TopK(int k) {
      this.k = k;
      this.heap = new PriorityQueue<>(k + 1, (a, b) -> a.score != b.score ? Float.compare(a.score, b.score)
          : Long.compare(b.doc, a.doc));
    }

    void offer(float score, long doc) {
      if (heap.size() < k) {
        heap.add(new Entry(score, doc));
        return;
      }
      Entry worst = heap.peek();
      if (score > worst.score || (score == worst.score && doc < worst.doc)) {
        heap.poll();
        heap.add(new Entry(score, doc));
      }
    }

    void addAll(TopK other) {
      for (Entry e : other.heap) {
        offer(e.score, e.doc);
      }
    }

    long[] bestFirst() {
      Entry[] all = heap.toArray(new Entry[0]);
      Arrays.sort(all, heap.comparator().reversed());
      long[] out = new long[all.length];
      for (int i = 0; i < all.length; i++) {
        out[i] = all[i].doc;
      }
      return out;
    }
  }

  private static List<List<String>> read(Path file) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(line.isEmpty() ? List.of() : List.of(line.split("\t")));
    }
    return out;
  }

  /** SHA-256 over the corpus fingerprint and size, k, and every query vector's bits. */
  static String key(VectorCorpus corpus, List<float[][]> queries, int k) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((corpus.fingerprint() + "|" + corpus.documents() + "|" + k + "|" + queries.size())
          .getBytes(StandardCharsets.UTF_8));
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4);
      for (float[][] q : queries) {
        for (float[] row : q) {
          for (float x : row) {
            b.clear();
            b.putInt(Float.floatToIntBits(x));
            md.update(b.array());
          }
        }
        md.update((byte) '|');
      }
      return HexFormat.of().formatHex(md.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}

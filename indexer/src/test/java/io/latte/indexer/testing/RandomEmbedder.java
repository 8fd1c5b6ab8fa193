package io.latte.indexer.testing;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic stand-in for a real encoder: one unit vector per whitespace word of {@code
 * fullText()} plus [CLS] and [SEP]. A word's vector is its topic centre plus noise seeded by the word
 * and its position, so vectors cluster (as real token embeddings do) and depend only on the text.
 */
public final class RandomEmbedder implements TokenEmbedder {

  public static final int TOPICS = 24;

  private final ModelIdentity model;
  private final float[] topics;
  private final long sleepMillisPerBatch;
  private final int maxTokens;

  public RandomEmbedder(int dim) {
    this(new ModelIdentity("random-test", "c0ffee", "test-1", dim), 0);
  }

  public RandomEmbedder(ModelIdentity model, long sleepMillisPerBatch) {
    this.model = model;
    this.sleepMillisPerBatch = sleepMillisPerBatch;
    this.maxTokens = 48;
    int dim = model.dim();
    Random r = new Random(1234);
    topics = new float[TOPICS * dim];
    for (int i = 0; i < topics.length; i++) {
      topics[i] = (float) r.nextGaussian();
    }
    for (int t = 0; t < TOPICS; t++) {
      normalize(topics, t * dim, dim);
    }
  }

  @Override
  public ModelIdentity model() {
    return model;
  }

  @Override
  public List<DocumentVectors> embed(List<SourceDocument> documents) {
    if (sleepMillisPerBatch > 0) {
      try {
        Thread.sleep(sleepMillisPerBatch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<DocumentVectors> out = new ArrayList<>();
    for (SourceDocument d : documents) {
      out.add(embed(d));
    }
    return out;
  }

  /** The vectors of one document (what {@link #embed(List)} returns for it). */
  public DocumentVectors embed(SourceDocument d) {
    String text = d.fullText();
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < text.length() && words.size() < maxTokens - 2) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int s = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > s) {
        words.add(text.substring(s, i));
        spans.add(new int[] {s, i});
      }
    }
    int n = words.size() + 2;
    int dim = model.dim();
    float[] v = new float[n * dim];
    String[] tokens = new String[n];
    int[] starts = new int[n];
    int[] ends = new int[n];
    tokens[0] = "[CLS]";
    tokens[n - 1] = "[SEP]";
    starts[0] = ends[0] = starts[n - 1] = ends[n - 1] = -1;
    for (int t = 0; t < n; t++) {
      String w = t == 0 ? "[CLS]" : t == n - 1 ? "[SEP]" : words.get(t - 1);
      if (t > 0 && t < n - 1) {
        tokens[t] = w;
        starts[t] = spans.get(t - 1)[0];
        ends[t] = spans.get(t - 1)[1];
      }
      int topic = Math.floorMod(w.hashCode(), TOPICS);
      Random r = new Random(w.hashCode() * 31L + t);
      for (int k = 0; k < dim; k++) {
        v[t * dim + k] = topics[topic * dim + k] + (float) (0.35 * r.nextGaussian());
      }
      normalize(v, t * dim, dim);
    }
    return new DocumentVectors(d, v, n, tokens, starts, ends);
  }

  private static void normalize(float[] a, int off, int dim) {
    double s = 0;
    for (int k = 0; k < dim; k++) {
      s += (double) a[off + k] * a[off + k];
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int k = 0; k < dim; k++) {
      a[off + k] *= inv;
    }
  }
}

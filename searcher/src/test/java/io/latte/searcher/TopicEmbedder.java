package io.latte.searcher;

import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.ModelIdentity;
import io.latte.indexer.input.SourceDocument;
import io.latte.indexer.input.TokenEmbedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test data with retrieval structure: words {@code t<topic>w<j>} embed near their topic's centre (a
 * unit vector; noise of norm {@value #NOISE}, seeded by word and position), documents are about 1 to
 * 3 topics and queries about 1 or 2. Unlike {@link io.latte.indexer.testing.RandomEmbedder}, whose
 * noise dominates at 16 dimensions (so MaxSim mostly rewards long documents), the exact ranking here
 * is about topics, which a fixed-dimensional encoding can capture.
 */
final class TopicEmbedder implements TokenEmbedder {
  static final int DIM = 32;
  static final int TOPICS = 24;
  static final double NOISE = 0.6;

  private final ModelIdentity model = new ModelIdentity("topic-test", "beef", "test-1", DIM);
  private final float[] centres;

  TopicEmbedder() {
    Random r = new Random(1234);
    centres = new float[TOPICS * DIM];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) r.nextGaussian();
    }
    for (int t = 0; t < TOPICS; t++) {
      normalize(centres, t * DIM);
    }
  }

  /** Document {@code d<i>}: 1 to 3 topics, 10 to 40 words, the metadata of {@code Corpora}. */
  static SourceDocument document(int i) {
    Random r = new Random(i * 7919L + 17);
    String text = words(r, 1 + r.nextInt(3), 10 + r.nextInt(31));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("year", 1990 + i % 30);
    meta.put("venue", i % 2 == 0 ? "even" : "odd");
    return new SourceDocument("d" + i, "", text, meta, "corpus.jsonl", i + 1);
  }

  static List<SourceDocument> documents(int n) {
    List<SourceDocument> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(document(i));
    }
    return out;
  }

  /** Query {@code seed}: 1 or 2 topics, 6 to 12 words. */
  QueryVectors query(long seed) {
    Random r = new Random(seed * 31 + 5);
    SourceDocument q = new SourceDocument("q", "", words(r, 1 + r.nextInt(2), 6 + r.nextInt(7)), 1);
    DocumentVectors v = embed(List.of(q)).get(0);
    return new QueryVectors(v.vectors(), v.tokenCount(), DIM, v.tokens(), null);
  }

  private static String words(Random r, int topics, int n) {
    int[] mine = new int[topics];
    for (int i = 0; i < topics; i++) {
      mine[i] = r.nextInt(TOPICS);
    }
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < n; w++) {
      if (w > 0) {
        sb.append(' ');
      }
      sb.append('t').append(mine[r.nextInt(topics)]).append('w').append(r.nextInt(20));
    }
    return sb.toString();
  }

  @Override
  public ModelIdentity model() {
    return model;
  }

  @Override
  public List<DocumentVectors> embed(List<SourceDocument> documents) {
    List<DocumentVectors> out = new ArrayList<>();
    for (SourceDocument d : documents) {
      String text = d.fullText();
      String[] words = text.split(" ");
      float[] v = new float[words.length * DIM];
      int[] starts = new int[words.length];
      int[] ends = new int[words.length];
      int at = 0;
      for (int t = 0; t < words.length; t++) {
        int topic = Integer.parseInt(words[t].substring(1, words[t].indexOf('w')));
        Random r = new Random(words[t].hashCode() * 31L + t);
        for (int k = 0; k < DIM; k++) {
          v[t * DIM + k] = centres[topic * DIM + k] + (float) (NOISE * r.nextGaussian() / Math.sqrt(DIM));
        }
        normalize(v, t * DIM);
        starts[t] = at;
        ends[t] = at + words[t].length();
        at = ends[t] + 1;
      }
      out.add(new DocumentVectors(d, v, words.length, words.clone(), starts, ends));
    }
    return out;
  }

  private static void normalize(float[] a, int off) {
    double s = 0;
    for (int k = 0; k < DIM; k++) {
      s += (double) a[off + k] * a[off + k];
    }
    float inv = (float) (1 / Math.sqrt(s));
    for (int k = 0; k < DIM; k++) {
      a[off + k] *= inv;
    }
  }
}

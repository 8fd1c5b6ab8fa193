package io.latte.searcher.xtr;

import java.util.Arrays;

/**
 * Per segment: for every document that any query token retrieved a token of, the best retrieved
 * similarity per query token ({@code -∞} where that query token retrieved nothing from it) and a
 * caller-defined int naming that token (its position in its document for token retrieval).
 *
 * <p>Sparse by design: only touched documents get a row, found through an open-addressing
 * {@code doc → row} table, so memory follows the number of retrieved documents, not the segment size.
 */
public final class TokenMaxima {
  private static final int EMPTY = -1;

  private final int queryTokens;
  private int[] keys;
  private int[] rowOf;
  private int[] docs;
  private float[] maxima;
  private int[] argmax;
  private int rows;

  public TokenMaxima(int queryTokens, int expectedDocs) {
    if (queryTokens < 1) {
      throw new IllegalArgumentException("queryTokens must be >= 1, got " + queryTokens);
    }
    this.queryTokens = queryTokens;
    int cap = Integer.highestOneBit(Math.max(16, expectedDocs * 2 - 1)) << 1;
    keys = new int[cap];
    rowOf = new int[cap];
    Arrays.fill(keys, EMPTY);
    int r = Math.max(16, expectedDocs);
    docs = new int[r];
    maxima = new float[r * queryTokens];
    argmax = new int[r * queryTokens];
    Arrays.fill(maxima, Float.NEGATIVE_INFINITY);
  }

  public int queryTokens() {
    return queryTokens;
  }

  /**
   * Records similarity {@code score} of the token named {@code token} of {@code doc} for query token
   * {@code q}; keeps the best (first on ties).
   *
   * @return the document's row
   */
  public int accept(int doc, int q, float score, int token) {
    int row = row(doc);
    int at = row * queryTokens + q;
    if (score > maxima[at]) {
      maxima[at] = score;
      argmax[at] = token;
    }
    return row;
  }

  /** Number of documents with at least one retrieved token. */
  public int size() {
    return rows;
  }

  /** Segment doc id of row {@code r}. */
  public int doc(int r) {
    return docs[r];
  }

  /** Best retrieved similarity of row {@code r} for query token {@code q}, or {@code -∞}. */
  public float max(int r, int q) {
    return maxima[r * queryTokens + q];
  }

  /** The best retrieved token of row {@code r} for query token {@code q}; -1 if none. */
  public int argmax(int r, int q) {
    int at = r * queryTokens + q;
    return maxima[at] == Float.NEGATIVE_INFINITY ? -1 : argmax[at];
  }

  private int row(int doc) {
    int mask = keys.length - 1;
    int slot = mix(doc) & mask;
    while (true) {
      int k = keys[slot];
      if (k == doc) {
        return rowOf[slot];
      }
      if (k == EMPTY) {
        return insert(doc, slot);
      }
      slot = (slot + 1) & mask;
    }
  }

  private int insert(int doc, int slot) {
    if (rows == docs.length) {
      int n = docs.length * 2;
      docs = Arrays.copyOf(docs, n);
      int old = maxima.length;
      maxima = Arrays.copyOf(maxima, n * queryTokens);
      argmax = Arrays.copyOf(argmax, n * queryTokens);
      Arrays.fill(maxima, old, maxima.length, Float.NEGATIVE_INFINITY);
    }
    keys[slot] = doc;
    rowOf[slot] = rows;
    docs[rows] = doc;
    int r = rows++;
    if (rows * 2 > keys.length) {
      rehash();
    }
    return r;
  }

  private void rehash() {
    int[] oldKeys = keys;
    int[] oldRows = rowOf;
    keys = new int[oldKeys.length * 2];
    rowOf = new int[keys.length];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        rowOf[slot] = oldRows[i];
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}

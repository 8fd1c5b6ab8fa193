package io.latte.indexer.testing;

import io.latte.indexer.build.BuildOptions;
import io.latte.indexer.build.BuildSummary;
import io.latte.indexer.build.IndexBuilder;
import io.latte.indexer.format.CentroidTerms;
import io.latte.indexer.format.DocCodes;
import io.latte.indexer.input.DocumentSource;
import io.latte.indexer.input.SourceRecord;
import io.latte.indexer.input.TokenEmbedder;
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.read.LeafTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/** Building small indexes and dumping their content in comparable form. */
public final class Indexes {

  private Indexes() {}

  /**
   * Small, fast settings: 32 centroids, 3 k-means iterations, one training thread, and the segments
   * of the periodic commits kept (tests cover several segments).
   */
  public static BuildOptions.Builder smallOptions() {
    return BuildOptions.builder()
        .mergeToSegments(0)
        .numCentroids(32)
        .kmeansIterations(3)
        .trainingThreads(1)
        .batchSize(16)
        .ramBufferMb(16);
  }

  public static BuildSummary build(
      Path dir, String fingerprint, List<? extends SourceRecord> records, TokenEmbedder embedder,
      BuildOptions options) throws IOException {
    try (DocumentSource src = DocumentSource.of(fingerprint, records)) {
      return IndexBuilder.build(dir, src, embedder, options, null);
    }
  }

  /** id → decoded tokens (codebook space) of every live document. */
  public static Map<String, float[]> decodedById(LatteIndex index) throws IOException {
    Map<String, float[]> out = new TreeMap<>();
    for (LeafTokens leaf : index.leaves()) {
      Bits live = leaf.context().reader().getLiveDocs();
      LeafTokens.Matrix m = leaf.matrix();
      for (int d = 0; d < leaf.context().reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          out.put(leaf.id(d), m.decode(d));
        }
      }
    }
    return out;
  }

  /** id → compressed tokens of every live document. */
  public static Map<String, DocCodes> codesById(LatteIndex index) throws IOException {
    Map<String, DocCodes> out = new TreeMap<>();
    for (LeafTokens leaf : index.leaves()) {
      Bits live = leaf.context().reader().getLiveDocs();
      LeafTokens.Matrix m = leaf.matrix();
      for (int d = 0; d < leaf.context().reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          out.put(leaf.id(d), m.codes(d));
        }
      }
    }
    return out;
  }

  /**
   * centroid → sorted set of "id@position:payloadhex" over live documents: the postings content,
   * independent of segment structure and doc ids.
   */
  public static Map<Integer, TreeSet<String>> postingsByCentroid(LatteIndex index) throws IOException {
    Map<Integer, TreeSet<String>> out = new TreeMap<>();
    HexFormat hex = HexFormat.of();
    for (LeafTokens leaf : index.leaves()) {
      Bits live = leaf.context().reader().getLiveDocs();
      TermsEnum te = leaf.centroids();
      if (te == null) {
        continue;
      }
      BytesRef term;
      PostingsEnum pe = null;
      while ((term = te.next()) != null) {
        int c = CentroidTerms.centroid(term);
        pe = te.postings(pe, PostingsEnum.PAYLOADS);
        for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
          if (live != null && !live.get(d)) {
            continue;
          }
          String id = leaf.id(d);
          for (int i = 0; i < pe.freq(); i++) {
            int pos = pe.nextPosition();
            BytesRef p = pe.getPayload();
            out.computeIfAbsent(c, k -> new TreeSet<>())
                .add(id + "@" + pos + ":" + hex.formatHex(Arrays.copyOfRange(p.bytes, p.offset, p.offset + p.length)));
          }
        }
      }
    }
    return out;
  }
}

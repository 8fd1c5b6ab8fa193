package io.latte.indexer.stats;

import io.latte.indexer.codec.LatteTokensPostingsFormat;
import io.latte.indexer.format.IndexMeta;
import io.latte.indexer.format.LatteIndexFormat;
import io.latte.indexer.read.LatteIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Computes {@link IndexStats} from an open index: document and token counts from the token-count
 * doc values (cheap: no matrix read), file sizes from the last commit's file list.
 */
public final class IndexStatsCollector {

  /** File extension → structure, before the arithmetic split (see {@link IndexStats}). */
  private static final Map<String, String> STRUCTURE = Map.ofEntries(
      Map.entry("doc", "postings"), Map.entry("pos", "postings"), Map.entry("pay", "postings"),
      Map.entry("tim", "postings"), Map.entry("tip", "postings"), Map.entry("tmd", "postings"),
      Map.entry("psm", "postings"),
      Map.entry(LatteTokensPostingsFormat.CODES_EXTENSION, "token_codes"),
      Map.entry(LatteTokensPostingsFormat.DOCS_EXTENSION, "token_maps"),
      Map.entry(LatteTokensPostingsFormat.META_EXTENSION, "token_maps"),
      Map.entry("dvd", "doc_values"), Map.entry("dvm", "doc_values"),
      Map.entry("fdt", "stored"), Map.entry("fdx", "stored"), Map.entry("fdm", "stored"),
      // MUVERA encodings: Lucene's flat vectors and HNSW graph.
      Map.entry("vec", "muvera"), Map.entry("vex", "muvera"), Map.entry("vem", "muvera"),
      Map.entry("vemf", "muvera"));

  /**
   * What search touches on every query (the page cache must hold it for full speed): the token
   * files, doc values (hit ids, token counts, metadata filters), live docs, codebook and meta.
   * Stored fields are read only for the returned hits, postings only by BM25 and keyword filters.
   */
  private static final String[] RESIDENT = {
      LatteTokensPostingsFormat.CODES_EXTENSION, LatteTokensPostingsFormat.DOCS_EXTENSION,
      LatteTokensPostingsFormat.META_EXTENSION, "dvd", "dvm", "liv", "latte"};

  private IndexStatsCollector() {}

  public static IndexStats collect(LatteIndex index) throws IOException {
    IndexMeta meta = index.meta();
    long live = 0;
    long deleted = 0;
    long tokens = 0;
    long stored = 0;
    for (LeafReaderContext ctx : index.reader().leaves()) {
      LeafReader r = ctx.reader();
      live += r.numDocs();
      deleted += r.numDeletedDocs();
      Bits liveDocs = r.getLiveDocs();
      NumericDocValues counts = r.getNumericDocValues(LatteIndexFormat.FIELD_TOKEN_COUNT);
      if (counts == null) {
        continue;
      }
      for (int d = counts.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = counts.nextDoc()) {
        int n = (int) counts.longValue();
        stored += n;
        if (liveDocs == null || liveDocs.get(d)) {
          tokens += n;
        }
      }
    }
    Map<String, Long> byExt = new TreeMap<>();
    Map<String, Long> byStructure = new LinkedHashMap<>();
    for (String s : new String[] {
        "token_codes", "token_maps", "postings", "doc_values", "stored", "muvera", "codebook", "other"}) {
      byStructure.put(s, 0L);
    }
    var dir = index.reader().directory();
    SegmentInfos infos = SegmentInfos.readCommit(dir, index.reader().getIndexCommit().getSegmentsFileName());
    long size = 0;
    for (String file : infos.files(true)) {
      long len = dir.fileLength(file);
      String ext = file.startsWith(IndexFileNames.SEGMENTS) ? "segments" : IndexFileNames.getExtension(file);
      byExt.merge(ext == null ? "none" : ext, len, Long::sum);
      byStructure.merge(STRUCTURE.getOrDefault(ext, "other"), len, Long::sum);
      size += len;
    }
    for (String f : new String[] {LatteIndexFormat.META_FILE, meta.codebook().file()}) {
      long len = Files.size(index.path().resolve(f));
      byExt.merge("latte", len, Long::sum);
      byStructure.merge("codebook", len, Long::sum);
      size += len;
    }
    long resident = 0;
    for (String ext : RESIDENT) {
      resident += byExt.getOrDefault(ext, 0L);
    }
    var commit = index.commit();
    Double te = meta.codebook().trainingError();
    CodebookFit fit = new CodebookFit(te == null ? Double.NaN : te, commit.initialFit(), commit.latestFit());
    return new IndexStats(
        live, deleted, tokens, stored, meta.inputDim(), meta.dim(), meta.bits(), meta.centroids(),
        centroidsUsed(index), meta.bytesPerVector(), meta.centroidBytes(), index.reader().leaves().size(),
        size, byStructure, byExt, resident,
        meta.model().name(), fit);
  }

  private static int centroidsUsed(LatteIndex index) throws IOException {
    Terms terms = MultiTerms.getTerms(index.reader(), LatteIndexFormat.FIELD_TOKENS);
    if (terms == null) {
      return 0;
    }
    TermsEnum te = terms.iterator();
    int n = 0;
    while (te.next() != null) {
      n++;
    }
    return n;
  }
}

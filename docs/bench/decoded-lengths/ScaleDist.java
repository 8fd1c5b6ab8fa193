// Decoded-length distribution of an index (docs/BENCHMARKS.md §19, §20): how far centroid + residual is from unit
// length, and the range of the stored token scales.
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.format.DocCodes;
import java.nio.file.Path;
import org.apache.lucene.index.LeafReaderContext;

public class ScaleDist {
  public static void main(String[] a) throws Exception {
    try (LatteIndex index = LatteIndex.open(Path.of(a[0]))) {
      var cb = index.codebook();
      float smin = 9, smax = 0;
      int[] hist = new int[200];
      long n = 0; double sum = 0; float min = 9, max = 0; long clamped = 0;
      for (LeafReaderContext ctx : index.reader().leaves()) {
        var m = index.leaf(ctx).matrix();
        for (int d = 0; d < ctx.reader().maxDoc(); d++) {
          DocCodes c = m.codes(d);
          if (c == null) continue;
          for (int i = 0; i < c.tokenCount(); i++) {
            // length of the raw decoded vector = 1/scale before clamping
            float[] v = cb.quantizer().decode(java.util.Arrays.copyOfRange(c.codes(), i * cb.bytesPerVector(), i * cb.bytesPerVector() + cb.residualBytes()));
            float s = cb.scale(c.codes(), i * cb.bytesPerVector());
            smin = Math.min(smin, s); smax = Math.max(smax, s);
            float[] cen = cb.centroids();
            double n2 = 0;
            for (int k = 0; k < cb.dim(); k++) { double x = v[k] + cen[c.centroids()[i] * cb.dim() + k]; n2 += x * x; }
            float len = (float) Math.sqrt(n2);
            n++; sum += len; min = Math.min(min, len); max = Math.max(max, len);
            if (len < 0.8f || len > 1.25f) clamped++;
            hist[Math.min(199, (int) (len * 100))]++;
          }
        }
      }
      System.out.printf("%s tokens %d decoded length mean %.4f min %.4f max %.4f clamped %d; token scales %b, stored %.4f..%.4f%n",
          a[0], n, sum / n, min, max, clamped, cb.storesScale(), smin, smax);
      long acc = 0;
      for (int i = 0; i < 200; i++) { if (hist[i] > 0) { acc += hist[i]; System.out.printf("  [%.2f,%.2f) %d cum %.5f%n", i / 100.0, (i + 1) / 100.0, hist[i], acc / (double) n); } }
    }
  }
}

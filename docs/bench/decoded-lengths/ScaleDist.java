// Decoded-length distribution of an index (docs/BENCHMARKS.md §19): how far centroid + residual is from unit length.
import io.latte.indexer.read.LatteIndex;
import io.latte.indexer.format.DocCodes;
import java.nio.file.Path;
import org.apache.lucene.index.LeafReaderContext;

public class ScaleDist {
  public static void main(String[] a) throws Exception {
    try (LatteIndex index = LatteIndex.open(Path.of(a[0]))) {
      var cb = index.codebook();
      float[] scratch = new float[cb.dim()];
      int[] hist = new int[200];
      long n = 0; double sum = 0; float min = 9, max = 0; long clamped = 0;
      for (LeafReaderContext ctx : index.reader().leaves()) {
        var m = index.leaf(ctx).matrix();
        for (int d = 0; d < ctx.reader().maxDoc(); d++) {
          DocCodes c = m.codes(d);
          if (c == null) continue;
          for (int i = 0; i < c.tokenCount(); i++) {
            // length of the raw decoded vector = 1/scale before clamping
            float[] v = cb.quantizer().decode(java.util.Arrays.copyOfRange(c.codes(), i * cb.bytesPerVector(), (i + 1) * cb.bytesPerVector()));
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
      System.out.printf("%s tokens %d normalizes %b decoded length mean %.4f min %.4f max %.4f clamped %d%n", a[0], n, cb.normalizesDecoded(), sum / n, min, max, clamped);
      long acc = 0;
      for (int i = 0; i < 200; i++) { if (hist[i] > 0) { acc += hist[i]; System.out.printf("  [%.2f,%.2f) %d cum %.5f%n", i / 100.0, (i + 1) / 100.0, hist[i], acc / (double) n); } }
    }
  }
}

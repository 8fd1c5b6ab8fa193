package io.latte.indexer.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels on the {@code jdk.incubator.vector} API with the platform's preferred vector width
 * (AVX-512: 16 floats). Only {@link VectorKernels} loads this class, reflectively, after checking
 * that the incubator module is present; nothing else may refer to it, or a JVM started without
 * {@code --add-modules jdk.incubator.vector} would fail to link.
 *
 * <p>{@link #maxDot} is the hot loop (MaxSim and nearest-centroid search). It is register blocked as
 * 2 SIMD registers of packed rows (a panel of {@code 2 * lanes} rows) × 4 broadcast rows: per
 * dimension 2 vector loads + 4 broadcasts feed 8 independent FMA chains, and the running max/argmax
 * stays in registers. There is no horizontal reduction per pair, which would otherwise cost more than
 * the FMAs themselves at 128 dimensions.
 */
final class PanamaKernels implements Kernels {

  private static final VectorSpecies<Float> SP = FloatVector.SPECIES_PREFERRED;
  private static final int L = SP.length();
  /** Panel width: two registers' worth of packed rows. */
  private static final int W = 2 * L;

  PanamaKernels() {
    if (L < 4) {
      // A 64-bit "preferred" species means the JIT has no real SIMD here: scalar is faster.
      throw new UnsupportedOperationException("preferred float species has only " + L + " lanes");
    }
  }

  @Override
  public String name() {
    return "panama(" + SP.vectorBitSize() + "-bit)";
  }

  @Override
  public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
    int k = 0;
    float s = 0f;
    if (dim >= 4 * L) {
      // Four accumulators hide the FMA latency on a single long dot product.
      FloatVector acc0 = FloatVector.zero(SP);
      FloatVector acc1 = FloatVector.zero(SP);
      FloatVector acc2 = FloatVector.zero(SP);
      FloatVector acc3 = FloatVector.zero(SP);
      int bound = dim - 4 * L;
      for (; k <= bound; k += 4 * L) {
        acc0 = FloatVector.fromArray(SP, a, aOff + k).fma(FloatVector.fromArray(SP, b, bOff + k), acc0);
        acc1 = FloatVector.fromArray(SP, a, aOff + k + L)
            .fma(FloatVector.fromArray(SP, b, bOff + k + L), acc1);
        acc2 = FloatVector.fromArray(SP, a, aOff + k + 2 * L)
            .fma(FloatVector.fromArray(SP, b, bOff + k + 2 * L), acc2);
        acc3 = FloatVector.fromArray(SP, a, aOff + k + 3 * L)
            .fma(FloatVector.fromArray(SP, b, bOff + k + 3 * L), acc3);
      }
      FloatVector acc = acc0.add(acc1).add(acc2.add(acc3));
      for (; k <= dim - L; k += L) {
        acc = FloatVector.fromArray(SP, a, aOff + k).fma(FloatVector.fromArray(SP, b, bOff + k), acc);
      }
      s = sumLanes(acc, new float[L], 0);
    } else if (dim >= L) {
      FloatVector acc = FloatVector.zero(SP);
      for (; k <= dim - L; k += L) {
        acc = FloatVector.fromArray(SP, a, aOff + k).fma(FloatVector.fromArray(SP, b, bOff + k), acc);
      }
      s = sumLanes(acc, new float[L], 0);
    }
    for (; k < dim; k++) {
      s = Math.fma(a[aOff + k], b[bOff + k], s);
    }
    return s;
  }

  @Override
  public void dotMany(
      float[] q, int qOff, float[] m, int mOff, int rows, int dim, float[] out, int outOff) {
    int r = 0;
    int vecBound = dim - dim % L;
    float[] lanes = new float[L];
    // 1 query × 4 matrix rows per pass: the query chunk is loaded once for four FMA chains.
    for (; r + 4 <= rows; r += 4) {
      int o0 = mOff + r * dim;
      int o1 = o0 + dim;
      int o2 = o1 + dim;
      int o3 = o2 + dim;
      FloatVector a0 = FloatVector.zero(SP);
      FloatVector a1 = FloatVector.zero(SP);
      FloatVector a2 = FloatVector.zero(SP);
      FloatVector a3 = FloatVector.zero(SP);
      for (int k = 0; k < vecBound; k += L) {
        FloatVector qv = FloatVector.fromArray(SP, q, qOff + k);
        a0 = qv.fma(FloatVector.fromArray(SP, m, o0 + k), a0);
        a1 = qv.fma(FloatVector.fromArray(SP, m, o1 + k), a1);
        a2 = qv.fma(FloatVector.fromArray(SP, m, o2 + k), a2);
        a3 = qv.fma(FloatVector.fromArray(SP, m, o3 + k), a3);
      }
      out[outOff + r] = tail(q, qOff, m, o0, vecBound, dim, sumLanes(a0, lanes, 0));
      out[outOff + r + 1] = tail(q, qOff, m, o1, vecBound, dim, sumLanes(a1, lanes, 0));
      out[outOff + r + 2] = tail(q, qOff, m, o2, vecBound, dim, sumLanes(a2, lanes, 0));
      out[outOff + r + 3] = tail(q, qOff, m, o3, vecBound, dim, sumLanes(a3, lanes, 0));
    }
    for (; r < rows; r++) {
      int o0 = mOff + r * dim;
      FloatVector a0 = FloatVector.zero(SP);
      for (int k = 0; k < vecBound; k += L) {
        a0 = FloatVector.fromArray(SP, q, qOff + k).fma(FloatVector.fromArray(SP, m, o0 + k), a0);
      }
      out[outOff + r] = tail(q, qOff, m, o0, vecBound, dim, sumLanes(a0, lanes, 0));
    }
  }

  /**
   * Sums the lanes in a fixed pairwise order. {@code reduceLanes(ADD)} leaves the order unspecified,
   * and it does differ between the interpreter's fallback and C2's intrinsic, which made results
   * change in the last bit once a method got compiled; this keeps every kernel bit-reproducible.
   */
  private static float sumLanes(FloatVector v, float[] tmp, int off) {
    v.intoArray(tmp, off);
    for (int w = L >> 1; w >= 1; w >>= 1) {
      for (int i = 0; i < w; i++) {
        tmp[off + i] += tmp[off + i + w];
      }
    }
    return tmp[off];
  }

  private static float tail(float[] a, int aOff, float[] b, int bOff, int from, int dim, float s) {
    for (int k = from; k < dim; k++) {
      s = Math.fma(a[aOff + k], b[bOff + k], s);
    }
    return s;
  }

  @Override
  public void addTo(float[] v, int vOff, float[] acc, int accOff, int len) {
    int i = 0;
    for (int bound = len - len % L; i < bound; i += L) {
      FloatVector.fromArray(SP, acc, accOff + i).add(FloatVector.fromArray(SP, v, vOff + i))
          .intoArray(acc, accOff + i);
    }
    for (; i < len; i++) {
      acc[accOff + i] += v[vOff + i];
    }
  }

  @Override
  public int panelWidth() {
    return W;
  }

  /*
   * The dot products come from the same block methods as dotPacked (through a small scratch array),
   * so exact MaxSim and centroid scoring share one FMA kernel and its bit-exact results. Each block
   * is a method of its own: with the 4-row block, the 1-row tail and the loop-carried maxima in one
   * method, C2 ran out of inlining budget and left some vector calls to the Vector API's slow Java
   * fallback (seen in a profile). The scratch round trip costs eight stores and loads per four rows
   * of dim FMAs.
   */
  @Override
  public void maxDot(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] best,
      float[] bestIdx) {
    float[] scratch = new float[4 * W];
    for (int p = 0; p < paddedRows; p += W) {
      final int pBase = p * dim; // panel p / W starts at (p / W) * W * dim
      int j = rowFrom;
      for (; j + 4 <= rowTo; j += 4) {
        dotPackedFour(packed, pBase, dim, rows, j * dim, scratch, 0, W);
        // Update in row order so that ties keep the lowest row index.
        for (int r = 0; r < 4; r++) {
          keepMax(scratch, r * W, j + r, best, bestIdx, p);
        }
      }
      for (; j < rowTo; j++) {
        dotPackedRow(packed, pBase, dim, rows, j * dim, scratch, 0);
        keepMax(scratch, 0, j, best, bestIdx, p);
      }
    }
  }

  /**
   * {@code best[p..p+W) = max(best, dots[from..from+W))}, recording row {@code j} where the dot is
   * strictly larger.
   */
  private static void keepMax(float[] dots, int from, int j, float[] best, float[] bestIdx, int p) {
    FloatVector a0 = FloatVector.fromArray(SP, dots, from);
    FloatVector a1 = FloatVector.fromArray(SP, dots, from + L);
    FloatVector best0 = FloatVector.fromArray(SP, best, p);
    FloatVector best1 = FloatVector.fromArray(SP, best, p + L);
    VectorMask<Float> m0 = a0.compare(VectorOperators.GT, best0);
    VectorMask<Float> m1 = a1.compare(VectorOperators.GT, best1);
    best0.blend(a0, m0).intoArray(best, p);
    best1.blend(a1, m1).intoArray(best, p + L);
    FloatVector jv = FloatVector.broadcast(SP, (float) j);
    FloatVector.fromArray(SP, bestIdx, p).blend(jv, m0).intoArray(bestIdx, p);
    FloatVector.fromArray(SP, bestIdx, p + L).blend(jv, m1).intoArray(bestIdx, p + L);
  }

  @Override
  public void dotPacked(
      float[] packed,
      int paddedRows,
      int dim,
      float[] rows,
      int rowFrom,
      int rowTo,
      float[] out,
      int outOff,
      int outStride) {
    for (int p = 0; p < paddedRows; p += W) {
      final int pBase = p * dim;
      int j = rowFrom;
      for (; j + 4 <= rowTo; j += 4) {
        dotPackedFour(packed, pBase, dim, rows, j * dim, out, outOff + (j - rowFrom) * outStride + p, outStride);
      }
      for (; j < rowTo; j++) {
        dotPackedRow(packed, pBase, dim, rows, j * dim, out, outOff + (j - rowFrom) * outStride + p);
      }
    }
  }

  /**
   * Four rows against one panel: each packed load feeds four FMAs. Its own method (as is {@link
   * #dotPackedRow}) so C2 inlines every vector call: with both loops in one method, a profile of
   * centroid scoring showed the last FMA of this block left to the Vector API's Java fallback.
   */
  private static void dotPackedFour(
      float[] packed, int pBase, int dim, float[] rows, int r0, float[] out, int o0, int outStride) {
    final int r1 = r0 + dim;
    final int r2 = r1 + dim;
    final int r3 = r2 + dim;
    FloatVector a00 = FloatVector.zero(SP);
    FloatVector a01 = FloatVector.zero(SP);
    FloatVector a10 = FloatVector.zero(SP);
    FloatVector a11 = FloatVector.zero(SP);
    FloatVector a20 = FloatVector.zero(SP);
    FloatVector a21 = FloatVector.zero(SP);
    FloatVector a30 = FloatVector.zero(SP);
    FloatVector a31 = FloatVector.zero(SP);
    for (int k = 0, o = pBase; k < dim; k++, o += W) {
      FloatVector p0 = FloatVector.fromArray(SP, packed, o);
      FloatVector p1 = FloatVector.fromArray(SP, packed, o + L);
      FloatVector b = FloatVector.broadcast(SP, rows[r0 + k]);
      a00 = p0.fma(b, a00);
      a01 = p1.fma(b, a01);
      b = FloatVector.broadcast(SP, rows[r1 + k]);
      a10 = p0.fma(b, a10);
      a11 = p1.fma(b, a11);
      b = FloatVector.broadcast(SP, rows[r2 + k]);
      a20 = p0.fma(b, a20);
      a21 = p1.fma(b, a21);
      b = FloatVector.broadcast(SP, rows[r3 + k]);
      a30 = p0.fma(b, a30);
      a31 = p1.fma(b, a31);
    }
    a00.intoArray(out, o0);
    a01.intoArray(out, o0 + L);
    a10.intoArray(out, o0 + outStride);
    a11.intoArray(out, o0 + outStride + L);
    a20.intoArray(out, o0 + 2 * outStride);
    a21.intoArray(out, o0 + 2 * outStride + L);
    a30.intoArray(out, o0 + 3 * outStride);
    a31.intoArray(out, o0 + 3 * outStride + L);
  }

  /**
   * One row against one panel. A method of its own: inlined into {@link #dotPacked}, the vector
   * calls of this tail loop exceeded C2's inlining budget and ran the Vector API's slow Java
   * fallback (seen in a profile of centroid scoring).
   */
  private static void dotPackedRow(float[] packed, int pBase, int dim, float[] rows, int r0, float[] out, int o0) {
    FloatVector a00 = FloatVector.zero(SP);
    FloatVector a01 = FloatVector.zero(SP);
    for (int k = 0, o = pBase; k < dim; k++, o += W) {
      FloatVector b = FloatVector.broadcast(SP, rows[r0 + k]);
      a00 = FloatVector.fromArray(SP, packed, o).fma(b, a00);
      a01 = FloatVector.fromArray(SP, packed, o + L).fma(b, a01);
    }
    a00.intoArray(out, o0);
    a01.intoArray(out, o0 + L);
  }
}

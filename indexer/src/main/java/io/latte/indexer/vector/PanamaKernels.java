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
    final int stride = W;
    for (int p = 0; p < paddedRows; p += W) {
      final int pBase = p * dim; // panel p / W starts at (p / W) * W * dim
      FloatVector best0 = FloatVector.fromArray(SP, best, p);
      FloatVector best1 = FloatVector.fromArray(SP, best, p + L);
      FloatVector idx0 = FloatVector.fromArray(SP, bestIdx, p);
      FloatVector idx1 = FloatVector.fromArray(SP, bestIdx, p + L);
      int j = rowFrom;
      for (; j + 4 <= rowTo; j += 4) {
        final int r0 = j * dim;
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
        for (int k = 0, o = pBase; k < dim; k++, o += stride) {
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
        // Update in row order so that ties keep the lowest row index.
        FloatVector jv = FloatVector.broadcast(SP, (float) j);
        VectorMask<Float> m0 = a00.compare(VectorOperators.GT, best0);
        VectorMask<Float> m1 = a01.compare(VectorOperators.GT, best1);
        best0 = best0.blend(a00, m0);
        best1 = best1.blend(a01, m1);
        idx0 = idx0.blend(jv, m0);
        idx1 = idx1.blend(jv, m1);
        jv = FloatVector.broadcast(SP, (float) (j + 1));
        m0 = a10.compare(VectorOperators.GT, best0);
        m1 = a11.compare(VectorOperators.GT, best1);
        best0 = best0.blend(a10, m0);
        best1 = best1.blend(a11, m1);
        idx0 = idx0.blend(jv, m0);
        idx1 = idx1.blend(jv, m1);
        jv = FloatVector.broadcast(SP, (float) (j + 2));
        m0 = a20.compare(VectorOperators.GT, best0);
        m1 = a21.compare(VectorOperators.GT, best1);
        best0 = best0.blend(a20, m0);
        best1 = best1.blend(a21, m1);
        idx0 = idx0.blend(jv, m0);
        idx1 = idx1.blend(jv, m1);
        jv = FloatVector.broadcast(SP, (float) (j + 3));
        m0 = a30.compare(VectorOperators.GT, best0);
        m1 = a31.compare(VectorOperators.GT, best1);
        best0 = best0.blend(a30, m0);
        best1 = best1.blend(a31, m1);
        idx0 = idx0.blend(jv, m0);
        idx1 = idx1.blend(jv, m1);
      }
      for (; j < rowTo; j++) {
        final int r0 = j * dim;
        FloatVector a00 = FloatVector.zero(SP);
        FloatVector a01 = FloatVector.zero(SP);
        for (int k = 0, o = pBase; k < dim; k++, o += stride) {
          FloatVector b = FloatVector.broadcast(SP, rows[r0 + k]);
          a00 = FloatVector.fromArray(SP, packed, o).fma(b, a00);
          a01 = FloatVector.fromArray(SP, packed, o + L).fma(b, a01);
        }
        FloatVector jv = FloatVector.broadcast(SP, (float) j);
        VectorMask<Float> m0 = a00.compare(VectorOperators.GT, best0);
        VectorMask<Float> m1 = a01.compare(VectorOperators.GT, best1);
        best0 = best0.blend(a00, m0);
        best1 = best1.blend(a01, m1);
        idx0 = idx0.blend(jv, m0);
        idx1 = idx1.blend(jv, m1);
      }
      best0.intoArray(best, p);
      best1.intoArray(best, p + L);
      idx0.intoArray(bestIdx, p);
      idx1.intoArray(bestIdx, p + L);
    }
  }

  /*
   * The 4-row × 2-register FMA block below repeats the one in maxDot on purpose: factoring it into
   * a helper would have to return eight vectors per call, which the JIT does not keep in registers,
   * and these two loops are the hot paths of exact MaxSim and of centroid assignment.
   */
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
    final int stride = W;
    for (int p = 0; p < paddedRows; p += W) {
      final int pBase = p * dim;
      int j = rowFrom;
      for (; j + 4 <= rowTo; j += 4) {
        final int r0 = j * dim;
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
        for (int k = 0, o = pBase; k < dim; k++, o += stride) {
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
        int o0 = outOff + (j - rowFrom) * outStride + p;
        a00.intoArray(out, o0);
        a01.intoArray(out, o0 + L);
        a10.intoArray(out, o0 + outStride);
        a11.intoArray(out, o0 + outStride + L);
        a20.intoArray(out, o0 + 2 * outStride);
        a21.intoArray(out, o0 + 2 * outStride + L);
        a30.intoArray(out, o0 + 3 * outStride);
        a31.intoArray(out, o0 + 3 * outStride + L);
      }
      for (; j < rowTo; j++) {
        final int r0 = j * dim;
        FloatVector a00 = FloatVector.zero(SP);
        FloatVector a01 = FloatVector.zero(SP);
        for (int k = 0, o = pBase; k < dim; k++, o += stride) {
          FloatVector b = FloatVector.broadcast(SP, rows[r0 + k]);
          a00 = FloatVector.fromArray(SP, packed, o).fma(b, a00);
          a01 = FloatVector.fromArray(SP, packed, o + L).fma(b, a01);
        }
        int o0 = outOff + (j - rowFrom) * outStride + p;
        a00.intoArray(out, o0);
        a01.intoArray(out, o0 + L);
      }
    }
  }
}

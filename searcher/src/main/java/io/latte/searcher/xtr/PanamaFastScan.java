package io.latte.searcher.xtr;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD fast scan with the Vector API: per code byte, one load fetches that byte of {@code L} tokens
 * ({@code L} = 64 with AVX-512), its two nibbles index two 16-entry tables with one in-register
 * byte permute each ({@code selectFrom}: {@code vpermb}/{@code vpshufb}), the two entries are added
 * as bytes (each is at most 127), and the pair sums are accumulated in 16-bit lanes without
 * widening: viewing the bytes as shorts, {@code acc0 += s} and {@code acc1 += s >>> 8} give the odd tokens' sums in {@code acc1} and the even tokens' sums as
 * {@code acc0 - (acc1 << 8)} (mod 2^16), the trick of Faiss' fast-scan kernels.
 *
 * <p>Loaded reflectively by {@link FastScan}, so nothing links against the incubator module unless
 * it is present.
 */
final class PanamaFastScan implements FastScanKernel {
  private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED;
  private static final int L = B.length();
  private static final int HALF = L / 2;
  private static final byte NIBBLE = 0x0F;
  private static final VectorSpecies<Short> S = B.withLanes(short.class).withShape(B.vectorShape());

  PanamaFastScan() {
    if (L < 16 || BLOCK % L != 0) {
      throw new IllegalStateException("needs byte vectors of 16..64 lanes, have " + L);
    }
  }

  @Override
  public String name() {
    return "panama(" + B.vectorBitSize() + "-bit)";
  }

  @Override
  public int tokenOfSlot(int slot) {
    int sub = slot / L;
    int r = slot % L;
    return sub * L + (r < HALF ? 2 * r : 2 * (r - HALF) + 1);
  }

  // Both forms call the static kernel directly (not through the interface's defaults): the hot path
  // of every search, kept as the benchmarks measured it (docs/BENCHMARKS.md §20b).
  @Override
  public long scoreBlock(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] sums) {
    return scoreStatic(codes, off, bytes, tables, threshold, null, sums);
  }

  @Override
  public long scoreBlock(byte[] codes, int off, int bytes, byte[] tables, short[] thresholds, short[] sums) {
    return scoreStatic(codes, off, bytes, tables, 0, thresholds, sums);
  }

  @Override
  public long score(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] thresholds,
      short[] sums) {
    return scoreStatic(codes, off, bytes, tables, threshold, thresholds, sums);
  }

  private static long scoreStatic(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] thresholds,
      short[] sums) {
    long mask = 0;
    for (int v = 0; v < BLOCK; v += L) {
      ShortVector acc0 = ShortVector.zero(S);
      ShortVector acc1 = ShortVector.zero(S);
      int at = off + v;
      for (int t = 0; t < bytes; t++, at += BLOCK) {
        ByteVector c = ByteVector.fromArray(B, codes, at);
        // x86 has no byte shift: shift 16-bit lanes, then mask each byte to its nibble.
        ByteVector hiIdx = c.reinterpretAsShorts().lanewise(VectorOperators.LSHR, 4).reinterpretAsBytes().and(NIBBLE);
        ByteVector hi = hiIdx.selectFrom(ByteVector.fromArray(B, tables, t << 5));
        ByteVector lo = c.and(NIBBLE).selectFrom(ByteVector.fromArray(B, tables, (t << 5) + 16));
        // Entries are at most 127, so the two nibbles' entries sum within a byte.
        ShortVector pair = hi.add(lo).reinterpretAsShorts();
        acc0 = acc0.add(pair);
        acc1 = acc1.add(pair.lanewise(VectorOperators.LSHR, 8));
      }
      ShortVector even = acc0.sub(acc1.lanewise(VectorOperators.LSHL, 8));
      even.intoArray(sums, v);
      acc1.intoArray(sums, v + HALF);
      long m;
      if (thresholds != null) { // slots v .. v+HALF-1 hold the even tokens, the next HALF the odd ones
        m = even.compare(VectorOperators.GT, ShortVector.fromArray(S, thresholds, v)).toLong()
            | (acc1.compare(VectorOperators.GT, ShortVector.fromArray(S, thresholds, v + HALF)).toLong() << HALF);
      } else if (threshold < 0) {
        m = L == 64 ? -1L : (1L << L) - 1;
      } else {
        // Sums stay below 2^15 (entries are capped by the caller), so a signed compare is exact.
        short thr = (short) Math.min(threshold, Short.MAX_VALUE);
        m = even.compare(VectorOperators.GT, thr).toLong()
            | (acc1.compare(VectorOperators.GT, thr).toLong() << HALF);
      }
      mask |= m << v;
    }
    return mask;
  }
}

package io.latte.searcher.xtr;

/** Plain loops: the reference for {@link PanamaFastScan} and the fallback without the Vector API. */
final class ScalarFastScan implements FastScanKernel {
  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int tokenOfSlot(int slot) {
    return slot;
  }

  @Override
  public long score(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] thresholds,
      short[] sums) {
    long mask = 0;
    for (int i = 0; i < BLOCK; i++) {
      int s = 0;
      for (int t = 0; t < bytes; t++) {
        int c = codes[off + t * BLOCK + i] & 0xFF;
        s += (tables[(2 * t) * 16 + (c >>> 4)] & 0xFF) + (tables[(2 * t + 1) * 16 + (c & 0x0F)] & 0xFF);
      }
      sums[i] = (short) s;
      if (s > (thresholds == null ? threshold : thresholds[i])) {
        mask |= 1L << i;
      }
    }
    return mask;
  }
}

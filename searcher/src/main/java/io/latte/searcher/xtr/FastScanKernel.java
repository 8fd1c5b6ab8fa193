package io.latte.searcher.xtr;

/**
 * Scores one block of {@value #BLOCK} compressed tokens against one query token's 8-bit nibble
 * tables (PQ "fast scan"). The swappable part behind {@link FastScan}.
 *
 * <p><b>Block layout</b> (see {@link io.latte.indexer.codec.TokenLayout}): byte {@code t} of token {@code i} of the block
 * is at {@code codes[off + t * BLOCK + i]}, so one vector load fetches byte {@code t} of many
 * tokens. <b>Tables</b>: for code byte {@code t}, the high nibble indexes table {@code 2t} and the
 * low nibble table {@code 2t + 1}; table {@code j} is {@code tables[j * 16, j * 16 + 16)} (unsigned
 * bytes), and the array carries {@link #TABLE_PADDING} spare bytes at its end so a vector load at any
 * table start stays in bounds.
 *
 * <p><b>Output</b>: the token's sum of table entries (below 2^15: the caller caps entries at 127 and
 * at {@code 32767 / tables}, so a byte holds the two entries of one code byte and sums fit a signed
 * short) lands in {@code sums[slot]}, where the slot order is the
 * implementation's ({@link #tokenOfSlot}); the returned mask has bit {@code slot} set when that sum
 * is above {@code threshold} (every bit when {@code threshold < 0}).
 */
interface FastScanKernel {
  /** Tokens per block. */
  int BLOCK = 64;

  /** Spare bytes at the end of a table array. */
  int TABLE_PADDING = 64;

  String name();

  /** The token (0..63 within the block) whose sum is in {@code sums[slot]}. */
  int tokenOfSlot(int slot);

  default long scoreBlock(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] sums) {
    return score(codes, off, bytes, tables, threshold, null, sums);
  }

  /**
   * {@link #scoreBlock} with a threshold per slot: bit {@code slot} is set when that slot's sum is
   * above {@code thresholds[slot]} (-1: always). For tokens whose similarities are scaled by factors
   * of their own (token scales), each compared against the bound its own factor allows.
   */
  default long scoreBlock(byte[] codes, int off, int bytes, byte[] tables, short[] thresholds, short[] sums) {
    return score(codes, off, bytes, tables, 0, thresholds, sums);
  }

  /** Both forms: {@code thresholds} per slot, or null for {@code threshold} in every slot. */
  long score(byte[] codes, int off, int bytes, byte[] tables, int threshold, short[] thresholds, short[] sums);
}

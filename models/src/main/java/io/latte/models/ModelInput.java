package io.latte.models;

/**
 * One text as the model will see it, before batch padding: every position has attention 1.
 *
 * @param ids token ids
 * @param typeIds token type (segment) ids
 * @param tokens token strings
 * @param starts UTF-16 offsets into the caller's original text, -1 for tokens not from it
 * @param ends exclusive end offsets, -1 where {@code starts} is -1
 * @param special positions whose vector is dropped when the spec does not keep special tokens
 *     ([CLS], [SEP], the marker)
 */
record ModelInput(long[] ids, long[] typeIds, String[] tokens, int[] starts, int[] ends,
                  boolean[] special) {

  int length() {
    return ids.length;
  }
}

package io.latte.indexer.build;

import io.latte.indexer.codebook.Codebook;

/**
 * Codebook options given for an index whose codebook already exists must agree with it: silently
 * ignoring {@code --bits 4} on a 2-bit index would surprise, so it is an error that says why.
 */
final class ExistingIndexChecks {

  private ExistingIndexChecks() {}

  /** @param what e.g. "index /data/idx", for the message */
  static void requireCompatible(Codebook cb, BuildOptions o, String what) {
    int projected = cb.projection().isPresent() ? cb.dim() : 0;
    int wantedProjection = o.projectionDim() == cb.inputDim() ? 0 : o.projectionDim();
    if (o.bits() != 0 && o.bits() != cb.bits()) {
      throw conflict("bits", o.bits(), cb.bits(), what);
    }
    if (o.projectionDim() != 0 && wantedProjection != projected) {
      throw conflict("projection dims", o.projectionDim(), cb.dim(), what);
    }
    if (o.numCentroids() != 0 && o.numCentroids() != cb.numCentroids()) {
      throw conflict("centroids", o.numCentroids(), cb.numCentroids(), what);
    }
    if (o.tokenScale() != null && o.tokenScale() != cb.storesScale()) {
      throw new IllegalArgumentException((o.tokenScale() ? "token scales were" : "no token scales were")
          + " requested but " + what + (cb.storesScale() ? " stores" : " does not store")
          + " a scale byte per token: that is fixed when an index is created."
          + " Leave the option out to add to this index, or build a new one.");
    }
  }

  /** The BM25 field's analyzer is fixed too: terms analysed two ways would not match each other. */
  static void requireLanguage(String indexLanguage, BuildOptions o, String what) {
    if (o.language() != null && !o.language().equals(indexLanguage)) {
      throw new IllegalArgumentException(
          "language=" + o.language() + " was requested but " + what + " has language=" + indexLanguage
              + ": the BM25 analyzer is fixed when an index is created. Leave the option out to add to"
              + " this index, or build a new one.");
    }
  }

  private static IllegalArgumentException conflict(String name, int asked, int actual, String what) {
    return new IllegalArgumentException(
        name + "=" + asked + " was requested but " + what + " has " + name + "=" + actual
            + ": the codebook is fixed when an index is created. Leave the option out to add to this"
            + " index, or build a new one.");
  }
}

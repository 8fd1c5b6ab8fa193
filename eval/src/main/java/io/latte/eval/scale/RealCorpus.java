package io.latte.eval.scale;

import io.latte.eval.encode.EncodedCorpus;
import io.latte.indexer.input.TokenVectors;

/** An encoded real corpus seen as a {@link VectorCorpus}: the reference the synthetic one is compared with. */
public final class RealCorpus implements VectorCorpus {
  private final EncodedCorpus real;

  public RealCorpus(EncodedCorpus real) {
    this.real = real;
  }

  @Override
  public long documents() {
    return real.size();
  }

  @Override
  public int dim() {
    return real.dim();
  }

  @Override
  public TokenVectors document(long i) {
    int d = Math.toIntExact(i);
    return new TokenVectors(real.tokens(d), real.tokenCount(d), real.dim(), null, null, null);
  }

  @Override
  public String id(long i) {
    return real.id(Math.toIntExact(i));
  }

  @Override
  public String fingerprint() {
    return "real " + real.modelName() + " " + real.modelChecksum() + " (" + real.size() + " docs, "
        + real.totalTokens() + " tokens)";
  }
}

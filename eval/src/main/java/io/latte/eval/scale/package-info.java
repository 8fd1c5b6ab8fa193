/**
 * Corpora at scale, honestly made: {@link io.latte.eval.scale.SyntheticCorpus} streams token-vector
 * documents synthesised from real encoded token vectors, deterministic from a seed, for the scale
 * benchmark's 1 M–100 M-token indexes built through the real indexer path (precomputed vectors).
 */
package io.latte.eval.scale;

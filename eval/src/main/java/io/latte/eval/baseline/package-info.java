/**
 * The three reference retrievers of the evaluation harness, all exhaustive and all over the same
 * encoded corpus: BM25 (Lucene, title + text), dense (the pooled vector, exact dot product over every
 * document) and exact MaxSim (every query token against every document token). Exact MaxSim is the
 * oracle that every approximate late-interaction path of the searcher is measured against.
 */
package io.latte.eval.baseline;

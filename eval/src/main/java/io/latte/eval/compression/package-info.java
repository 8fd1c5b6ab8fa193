/**
 * How much ranking quality each compression setting costs: codebooks trained on the float token
 * vectors of an encoded corpus, every token compressed and decompressed, and exhaustive exact MaxSim
 * over the decompressed vectors compared with exact MaxSim over the floats — no index build, so
 * many settings can be compared in one run on the same encoded corpus.
 */
package io.latte.eval.compression;

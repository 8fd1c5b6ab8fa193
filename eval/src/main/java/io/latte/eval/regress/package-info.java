/**
 * Regressions as data (after Anserini's {@code regressions/*.yaml}): one JSON file per collection
 * names the dataset, the index settings, the modes and the expected nDCG@10 / R@100 of each with a
 * tolerance. {@link io.latte.eval.regress.RegressionRunner} builds (or reuses) the index, runs float
 * exact MaxSim as the reference and every mode through the searcher; {@link
 * io.latte.eval.regress.RegressionTable} prints them side by side and says which deviate. Expected
 * values are only ever written by a run ({@code latte regress --record}), never typed by hand.
 */
package io.latte.eval.regress;

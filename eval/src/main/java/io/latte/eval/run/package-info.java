/**
 * TREC run and qrels files, the interchange format of IR evaluation, and a bridge to the NIST {@code
 * trec_eval} binary for independent checking.
 *
 * <p>Run file ({@link io.latte.eval.run.TrecRunWriter}, {@link io.latte.eval.run.TrecRunReader}): one
 * line per retrieved document, {@code qid Q0 docid rank score tag}, whitespace separated, ranks from 1
 * in {@code trec_eval}'s own order, at most 1000 per query. Qrels file ({@link
 * io.latte.eval.run.TrecQrelsWriter}): {@code qid 0 docid grade}, which is what {@code trec_eval}
 * reads; BEIR's TSV qrels are converted with it.
 *
 * <p>Ids must not contain whitespace: the format has no quoting, so such an id would shift columns.
 * Writers refuse them rather than write a file {@code trec_eval} would misread.
 *
 * <p>{@link io.latte.eval.run.TrecEvalBinary} runs {@code trec_eval} on files on disk and returns the
 * same {@link io.latte.eval.metrics.Evaluation} as {@link io.latte.eval.metrics.RunEvaluator}, so the
 * two can be compared number by number.
 */
package io.latte.eval.run;

/**
 * Text analysis of the BM25 field: which Lucene analyzer a language code names. The code is chosen
 * when an index is created ({@code latte index --language}), recorded in the index meta, and used
 * for the field at index time and for query text at search time, so both sides always agree.
 */
package io.latte.indexer.analysis;

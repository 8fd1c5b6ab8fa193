/**
 * The wiring of encoder and index for search: {@link io.latte.eval.engine.SearchEngine} opens an
 * index with the model it was built with, encodes queries and runs the searcher. The CLI, the
 * evaluation harness and the HTTP server all search through it, so they cannot disagree.
 */
package io.latte.eval.engine;

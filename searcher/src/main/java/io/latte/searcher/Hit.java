package io.latte.searcher;

import java.util.List;

/**
 * One search result: corpus id, score, Lucene doc id (valid for the searcher it came from), and,
 * when requested, the token-level explanation whose similarities sum to {@code score} for the
 * late-interaction modes.
 */
public record Hit(String id, float score, int luceneDoc, List<TokenMatch> explanation) {}

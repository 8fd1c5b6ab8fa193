package io.latte.searcher;

/**
 * One line of a hit's explanation: query token {@code queryToken} matched document token
 * {@code docToken} (its text and char offsets in title + " " + text; -1 when it is a special token)
 * with {@code similarity}; {@code imputed} when nothing was retrieved for it and the value is the
 * imputed missing similarity (then {@code docToken} is -1).
 */
public record TokenMatch(int queryToken, String queryText, int docToken, String docText, int start, int end,
    float similarity, boolean imputed) {}

package io.latte.server.http.index;

import java.util.List;

/**
 * What a write changed, once it is committed.
 *
 * @param ids the ids written (a batch's repeated ids once, in order of last occurrence), or deleted
 * @param generation the Lucene commit generation that holds the write (visible to searches now)
 * @param documents live documents in the index after the write
 */
public record WriteResult(List<String> ids, long generation, int documents) {}

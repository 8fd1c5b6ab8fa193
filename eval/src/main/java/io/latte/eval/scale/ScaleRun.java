package io.latte.eval.scale;

import java.util.Map;

/**
 * What the scale benchmark measured at one corpus size. Times in seconds, sizes in MB (2^20 bytes).
 *
 * @param tokens tokens indexed
 * @param documents documents indexed
 * @param build_seconds the whole build from vectors (codebook training, indexing, final merge)
 * @param tokens_per_second {@code tokens / build_seconds}
 * @param codebook_seconds of which codebook training (sampling included)
 * @param merge_seconds of which the final merge to one segment
 * @param index_bytes the index directory on disk, all files
 * @param bytes_per_token {@code index_bytes / tokens}
 * @param heap_used_mb Java heap in use after a full GC with the index open, including the real encoded
 *     corpus the generator holds ({@code real_corpus_heap_mb} in the command's JSON)
 * @param peak_rss_mb the process's peak resident set so far ({@code VmHWM}): monotonic over the runs
 *     of one process, so a run's value includes the earlier, smaller runs' peaks
 * @param open_seconds opening the index (a fresh {@code LatteIndex})
 * @param truth_seconds exact ground truth (0 when it came from the cache)
 * @param centroids what the centroid rule chose
 * @param nprobe the search default used
 * @param k_prime the search default used
 * @param candidates colbert's candidate default used
 * @param modes per mode ({@code xtr}, {@code colbert})
 */
public record ScaleRun(long tokens, long documents, double build_seconds, double tokens_per_second,
    double codebook_seconds, double merge_seconds, long index_bytes, double bytes_per_token, double heap_used_mb,
    double peak_rss_mb, double open_seconds, double truth_seconds, int centroids, int nprobe, int k_prime,
    int candidates, Map<String, ModeScale> modes) {}

package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * Where a search spent its time, in milliseconds.
 *
 * @param encodeMs encoding the query (0 for bm25)
 * @param retrieveMs first-stage retrieval (token retrieval, BM25, or the exhaustive scan's setup)
 * @param scoreMs exact re-scoring, fusion and explanations
 * @param totalMs the whole request inside the server, including reading stored fields
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Timings(double encodeMs, double retrieveMs, double scoreMs, double totalMs) {}

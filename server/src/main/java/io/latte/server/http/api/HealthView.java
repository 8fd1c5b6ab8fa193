package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * {@code GET /health}.
 *
 * @param status UP when ready, else DOWN
 * @param live the process answers
 * @param ready the index and encoder are open, the searcher is warmed up, and the server is not shutting down
 * @param documents live documents (0 while the index is empty)
 * @param generation the commit searches see (0 while empty)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HealthView(String status, boolean live, boolean ready, int documents, long generation) {}

package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The answer to a write: it is committed (durable) and visible to searches.
 *
 * @param ids ids written or deleted (a batch's repeated ids once)
 * @param generation the commit that holds the write
 * @param documents live documents after the write
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WriteResponse(List<String> ids, long generation, int documents) {}

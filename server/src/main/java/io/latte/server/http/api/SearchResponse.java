package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * The answer to {@code POST /v1/search}.
 *
 * @param mode the mode that ran
 * @param k hits asked for
 * @param hits best first
 * @param timings where the time went
 * @param generation the index commit searched (0 while the index is empty)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SearchResponse(String mode, int k, List<HitView> hits, Timings timings, long generation) {}

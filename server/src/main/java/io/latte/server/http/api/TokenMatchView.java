package io.latte.server.http.api;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * What one query token matched in a hit.
 *
 * @param queryToken position of the query token
 * @param queryText the query token (wordpiece)
 * @param docToken position of the matched document token, -1 when imputed
 * @param docText the matched document token, or null
 * @param start offset of the matched token in the hit's {@code full_text}, -1 for special tokens
 * @param end exclusive end offset, -1 for special tokens
 * @param similarity the similarity the token contributed to the score
 * @param imputed true when nothing was retrieved for this token and the similarity is imputed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TokenMatchView(
    int queryToken, String queryText, int docToken, @Nullable String docText, int start, int end,
    float similarity, boolean imputed) {}

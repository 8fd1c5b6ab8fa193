package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/**
 * One search hit.
 *
 * @param id the document's {@code _id}
 * @param score its score in the mode's scale (MaxSim sum for late-interaction modes)
 * @param title its title
 * @param snippet up to ~240 characters of its text, around the best token match when explained
 * @param fullText with {@code explain}: {@code (title + " " + text).strip()}, the string the model
 *     encoded; every explanation offset indexes into it (UTF-16 code units)
 * @param explanation with {@code explain}: one entry per query token
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HitView(
    String id, float score, String title, String snippet, @Nullable String fullText,
    @Nullable List<TokenMatchView> explanation) {}

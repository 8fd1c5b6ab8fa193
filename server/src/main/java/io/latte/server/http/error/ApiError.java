package io.latte.server.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of every error response.
 *
 * @param code stable machine-readable code ({@link ErrorCode#id()})
 * @param message what is wrong, for humans; never a stack trace
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String code, String message) {}

package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * {@code POST /v1/documents}: documents to add or replace, at most the server's batch limit (default
 * 256). Written all or nothing, committed before the response.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false) // a misspelt field is an error, not a silent default
public record UpsertBody(@NotEmpty(message = "must hold at least one document") List<@Valid DocumentBody> documents) {}

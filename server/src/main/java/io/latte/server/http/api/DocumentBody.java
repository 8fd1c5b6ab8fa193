package io.latte.server.http.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * A document, as sent to {@code POST /v1/documents} and returned by {@code GET /v1/documents/{id}}:
 * the BEIR corpus line format.
 *
 * @param id {@code _id}: the key; an existing document with it is replaced; at most 512 UTF-8 bytes (GET
 *     and DELETE address it in the URL)
 * @param title optional
 * @param text the body; title and text must not both be blank
 * @param metadata optional object of strings, numbers, booleans, lists and nested objects, indexed
 *     for filters (a key's type is fixed by the first document that has it); {@code id} and {@code
 *     _id} are reserved
 * @param vectors optional: the document's token vectors, computed elsewhere (one array of numbers
 *     per token, of the index's dimension); the document is then not encoded and needs no text
 * @param tokens optional, with {@code vectors}: the token string of each vector, for explanations
 * @param offsets optional, with {@code tokens}: {@code [start, end]} of each token in {@code title +
 *     " " + text}, {@code [-1, -1]} for tokens not from the text
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
// BEIR corpus lines carry extra fields (url, ...): a document's unknown fields are ignored, as documented
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentBody(
    @JsonProperty("_id") @NotBlank(message = "must not be empty") String id,
    @Nullable String title,
    @Nullable String text,
    @Nullable Map<String, Object> metadata,
    @Nullable float[][] vectors,
    @Nullable String[] tokens,
    @Nullable int[][] offsets) {

  /** A stored document as {@code GET /v1/documents/{id}} returns it (its vectors are not returned). */
  public DocumentBody(String id, String title, String text, Map<String, Object> metadata) {
    this(id, title, text, metadata, null, null, null);
  }
}

/**
 * The JSON of the API, as {@code @Serdeable} records: requests carry bean-validation constraints
 * (checked before a controller runs), responses use snake_case names and
 * list every field (empty lists included: Micronaut serde would omit them), except the optional ones
 * a record marks {@code NON_NULL}. The OpenAPI document
 * ({@code resources/openapi/latte-v1.yaml}) describes exactly these records; a test keeps them in step.
 */
package io.latte.server.http.api;

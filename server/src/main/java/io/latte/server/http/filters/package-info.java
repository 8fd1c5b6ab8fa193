/**
 * Request filters that run before the controllers: the optional API key for writes ({@link
 * io.latte.server.http.filters.ApiKeyFilter}) and the JSON content-type rule for request bodies
 * ({@link io.latte.server.http.filters.JsonContentTypeFilter}).
 */
package io.latte.server.http.filters;

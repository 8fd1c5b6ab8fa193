/**
 * The one error mapping: every error response is {@code {code, message}} JSON written by {@link
 * io.latte.server.http.error.ErrorBodies}, with a stable {@link io.latte.server.http.error.ErrorCode}.
 * Services throw {@link io.latte.server.http.error.ApiException}; engine
 * {@code IllegalArgumentException}s become {@code invalid_request}; anything else is a logged 500
 * {@code internal} whose message never carries exception details.
 */
package io.latte.server.http.error;

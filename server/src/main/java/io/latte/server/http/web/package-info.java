/** The search page at {@code /} and the OpenAPI document at {@code /openapi.yaml}. */
package io.latte.server.http.web;

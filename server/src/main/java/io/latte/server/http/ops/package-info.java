/** Operations: {@code /health}, {@code /v1/stats}, {@code /metrics} and the request metrics filter. */
package io.latte.server.http.ops;

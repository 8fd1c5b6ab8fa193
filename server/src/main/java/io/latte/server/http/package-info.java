/**
 * The HTTP API of {@code latte serve} (Micronaut): {@link io.latte.server.http.LatteServer} starts
 * it, {@link io.latte.server.http.LatteSettings} configures it, {@link io.latte.server.http.LatteBeans}
 * opens the encoder and the index.
 *
 * <pre>
 * POST   /v1/search            search (xtr, colbert, exact, bm25, hybrid), optional explanations
 * POST   /v1/documents         batch upsert, committed before the response
 * GET    /v1/documents/{id}    a stored document
 * DELETE /v1/documents/{id}    delete, committed before the response
 * GET    /v1/stats             index statistics (as latte stats --json)
 * GET    /health[/live|/ready] liveness and readiness
 * GET    /metrics              Prometheus
 * GET    /openapi.yaml         the OpenAPI 3.1 document of all this
 * GET    /                     the search page
 * </pre>
 *
 * Subpackages: {@code api} (request and response records), {@code error} (the one error mapping and
 * its stable codes), {@code index} (the served index: snapshots for searches, one writer),
 * {@code search}, {@code documents}, {@code ops} (health, stats, metrics), {@code filters} (API key for
 * writes, JSON content type), {@code web} (page and OpenAPI document). Controllers are thin: they bind and validate the
 * request and make one service call. Those that encode or search run on Micronaut's I/O pool of platform
 * threads ({@code @ExecuteOn(TaskExecutors.IO)}), not on virtual threads: ONNX Runtime's long native
 * calls would pin their carriers; health and metrics answer on the event loop.
 */
package io.latte.server.http;

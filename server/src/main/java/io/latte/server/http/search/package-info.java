/** {@code POST /v1/search}: controller, service (limits, encoding, hits to views), snippets. */
package io.latte.server.http.search;

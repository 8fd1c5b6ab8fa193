/** {@code /v1/documents}: batch upsert, get and delete by {@code _id}. */
package io.latte.server.http.documents;

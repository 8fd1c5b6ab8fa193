/**
 * The index as a server holds it: {@link io.latte.server.http.index.LiveIndex} with reference-counted
 * {@link io.latte.server.http.index.Snapshot}s for searches (Lucene's {@code ReferenceManager}) and a
 * single writer that commits every write before acknowledging it. Documents are checked and encoded
 * ({@code DocumentPreparer}) before the write lock is taken. Independent of HTTP.
 */
package io.latte.server.http.index;

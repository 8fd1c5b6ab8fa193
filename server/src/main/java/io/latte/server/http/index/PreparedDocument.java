package io.latte.server.http.index;

import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.DocumentVectors;
import io.latte.indexer.input.SourceDocument;
import java.util.List;

/**
 * A document checked and encoded, ready for the writer.
 *
 * @param position its 0-based position in the request, for messages
 * @param source id, title, text and metadata
 * @param metadata the metadata flattened and typed (mutable: the schema check may widen values)
 * @param vectors its token vectors
 */
record PreparedDocument(int position, SourceDocument source, List<MetadataValues.Value> metadata,
    DocumentVectors vectors) {}

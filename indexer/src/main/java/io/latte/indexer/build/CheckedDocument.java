package io.latte.indexer.build;

import io.latte.indexer.format.MetadataValues;
import io.latte.indexer.input.SourceDocument;
import java.util.List;

/** A document that passed {@link DocumentChecks}, with its metadata flattened and typed. */
record CheckedDocument(SourceDocument doc, List<MetadataValues.Value> metadata) {}

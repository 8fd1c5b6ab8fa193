/**
 * The on-disk format of a latte index: which files and Lucene fields exist and how their bytes are
 * laid out. {@link io.latte.indexer.format.LatteIndexFormat} names everything and documents the
 * layout; {@link io.latte.indexer.format.LatteIndexFormat#FORMAT_VERSION} is checked on open.
 *
 * <p>Pieces: {@link io.latte.indexer.format.IndexMeta} / {@link io.latte.indexer.format.IndexMetaFile}
 * (the meta JSON), {@link io.latte.indexer.format.IndexFiles} (meta + codebook, loaded and
 * cross-checked), {@link io.latte.indexer.format.CommitData} (typed commit user data), {@link
 * io.latte.indexer.format.LuceneDocuments} (one Lucene document per corpus document, with the
 * pre-built {@link io.latte.indexer.format.CentroidTokenStream}), and the small codecs {@link
 * io.latte.indexer.format.CentroidTerms} and {@link io.latte.indexer.format.TokenTextCodec}, each holding the encode and decode side of one layout.
 *
 * <p>No algorithm lives here: training, compression and the pipeline are in {@code build} and
 * {@code write}, reading in {@code read}; the token field's postings format (the scanned layout) in
 * {@code io.latte.indexer.codec}.
 */
package io.latte.indexer.format;

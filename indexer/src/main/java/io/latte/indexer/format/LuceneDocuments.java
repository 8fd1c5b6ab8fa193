package io.latte.indexer.format;

import io.latte.indexer.muvera.FixedDimensionalEncoder;
import io.latte.indexer.muvera.MuveraField;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

/**
 * Turns an {@link EncodedDocument} into the Lucene document described on {@link LatteIndexFormat}.
 * Not thread-safe: it reuses one token stream (one instance per writing thread).
 */
public final class LuceneDocuments {

  /** Type of {@link LatteIndexFormat#FIELD_TOKENS}: positions for token ordinals, payloads for codes. */
  public static final FieldType TOKENS_TYPE = tokensType();

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int centroidBytes;
  private final int bytesPerVector;
  private final CentroidTokenStream tokenStream = new CentroidTokenStream();
  /** The MUVERA field's type (its config in the attributes), or null for an index without it. */
  private final FieldType muveraType;

  public LuceneDocuments(IndexMeta meta) {
    this.centroidBytes = meta.centroidBytes();
    this.bytesPerVector = meta.bytesPerVector();
    this.muveraType = meta.muvera() == null ? null
        : MuveraField.fieldType(new FixedDimensionalEncoder(meta.muvera(), meta.dim()));
  }

  private static FieldType tokensType() {
    FieldType t = new FieldType();
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.setTokenized(true);
    t.setOmitNorms(true); // token retrieval scores by vectors, never by field length
    t.setStored(false);
    t.freeze();
    return t;
  }

  /** The term that identifies a document for updates and deletes. */
  public static Term idTerm(String id) {
    return new Term(LatteIndexFormat.FIELD_ID, id);
  }

  /**
   * Builds the Lucene document.
   *
   * @param metadata the document's flattened metadata, already checked and coerced against the
   *     index's {@link MetadataSchema}
   */
  public Document build(EncodedDocument doc, List<MetadataValues.Value> metadata) {
    Document d = new Document();
    var src = doc.source();
    d.add(new StringField(LatteIndexFormat.FIELD_ID, src.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(LatteIndexFormat.FIELD_ID, new BytesRef(src.id())));
    d.add(new StoredField(LatteIndexFormat.FIELD_TITLE, src.title()));
    d.add(new StoredField(LatteIndexFormat.FIELD_TEXT, src.text()));
    d.add(new TextField(LatteIndexFormat.FIELD_BM25, src.fullText(), Field.Store.NO));

    tokenStream.setDocument(doc, centroidBytes, bytesPerVector);
    d.add(new Field(LatteIndexFormat.FIELD_TOKENS, tokenStream, TOKENS_TYPE));
    d.add(new NumericDocValuesField(LatteIndexFormat.FIELD_TOKEN_COUNT, doc.tokenCount()));
    if (muveraType != null) {
      if (doc.muvera() == null) {
        throw new IllegalArgumentException(
            "the index carries MUVERA encodings but document " + src.where() + " has none");
      }
      d.add(MuveraField.create(muveraType, doc.muvera()));
    }
    if (doc.tokens() != null) {
      d.add(new StoredField(
          LatteIndexFormat.FIELD_TOKEN_TEXT, TokenTextCodec.encode(doc.tokens(), doc.starts(), doc.ends())));
    }
    if (!src.metadata().isEmpty()) {
      d.add(new StoredField(LatteIndexFormat.FIELD_METADATA, json(src)));
    }
    for (MetadataValues.Value v : metadata) {
      addMetadata(d, v);
    }
    return d;
  }

  private static String json(io.latte.indexer.input.SourceDocument src) {
    try {
      return JSON.writeValueAsString(src.metadata());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata of " + src.where() + " cannot be written as JSON", e);
    }
  }

  private static void addMetadata(Document d, MetadataValues.Value v) {
    String field = LatteIndexFormat.metadataField(v.key());
    switch (v.type()) {
      case KEYWORD -> {
        String s = (String) v.value();
        d.add(new StringField(field, s, Field.Store.NO));
        d.add(new SortedSetDocValuesField(field, new BytesRef(s)));
      }
      case LONG -> {
        long l = (Long) v.value();
        d.add(new LongPoint(field, l));
        d.add(new SortedNumericDocValuesField(field, l));
      }
      case DOUBLE -> {
        double x = (Double) v.value();
        d.add(new DoublePoint(field, x));
        d.add(new SortedNumericDocValuesField(field, NumericUtils.doubleToSortableLong(x)));
      }
    }
  }
}

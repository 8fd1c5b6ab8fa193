package io.latte.indexer.format;

import java.util.Locale;

/**
 * How a metadata key is indexed (field {@code meta.<key>}), fixed by the first document that has it.
 *
 * <pre>
 * KEYWORD  strings, booleans ("true"/"false"): StringField + SortedSetDocValuesField;
 *          filter with TermQuery / TermInSetQuery
 * LONG     integers: LongPoint + SortedNumericDocValuesField;
 *          filter with LongPoint.newRangeQuery / newExactQuery
 * DOUBLE   other numbers: DoublePoint + SortedNumericDocValuesField (NumericUtils.doubleToSortableLong);
 *          filter with DoublePoint.newRangeQuery
 * </pre>
 *
 * The original metadata object is stored once as JSON ({@link LatteIndexFormat#FIELD_METADATA}) for
 * display; the typed fields are for filtering only. Sorted-numeric / sorted-set doc values (not single-valued) because a JSON list gives several values.
 * LONG and DOUBLE share Lucene's point and doc-values shape (8 bytes, one dimension), so Lucene
 * cannot tell them apart: the {@link MetadataSchema} in the commit data does.
 */
public enum MetadataType {
  KEYWORD,
  LONG,
  DOUBLE;

  /** Lower-case name as written in the schema JSON. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MetadataType fromJson(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}

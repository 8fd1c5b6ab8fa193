package io.latte.opensearch;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.LateInteractionTokensField;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.FieldMapper;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.index.mapper.ParseContext;
import org.opensearch.index.mapper.SourceValueFetcher;
import org.opensearch.index.mapper.TextSearchInfo;
import org.opensearch.index.mapper.ValueFetcher;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.lookup.SearchLookup;

/**
 * The {@code late_interaction} field: a document's token vectors ({@code [[...], [...]]}, one row per
 * token, in the model's space), compressed with the index's codebook into latte's Lucene fields by
 * {@link LateInteractionTokensField} — the same fields {@code latte index} writes, so latte's
 * searcher runs unchanged on each shard.
 *
 * <p>Those Lucene fields have fixed names ({@value LatteIndexFormat#FIELD_TOKENS}, …), so an index
 * has at most one {@code late_interaction} field and a document carries it once. Text and metadata
 * stay ordinary OpenSearch fields: filters are ordinary OpenSearch queries.
 */
public final class LateInteractionFieldMapper extends ParametrizedFieldMapper {
  public static final String CONTENT_TYPE = "late_interaction";

  private static LateInteractionFieldMapper toType(FieldMapper in) {
    return (LateInteractionFieldMapper) in;
  }

  /** The mapping's parameters: the codebook's checksum, recorded when the field is created. */
  public static final class Builder extends ParametrizedFieldMapper.Builder {
    private final Parameter<String> codebookSha =
        Parameter.stringParam("codebook_sha256", false, m -> toType(m).codebookSha, "");
    private final Parameter<Map<String, String>> meta = Parameter.metaParam();
    private final Codebooks codebooks;

    public Builder(String name, Codebooks codebooks) {
      super(name);
      this.codebooks = codebooks;
    }

    @Override
    protected List<Parameter<?>> getParameters() {
      return List.of(codebookSha, meta);
    }

    @Override
    public LateInteractionFieldMapper build(BuilderContext context) {
      String name = LatteSettings.CODEBOOK.get(context.indexSettings());
      Codebooks.Loaded cb = codebooks.load(name, codebookSha.getValue());
      LateInteractionFieldType type = new LateInteractionFieldType(buildFullName(context), cb.codebook(), meta.getValue());
      return new LateInteractionFieldMapper(name(), type, cb.sha256(), codebooks, multiFieldsBuilder.build(this, context),
          copyTo.build());
    }
  }

  /** The field's type: carries the loaded codebook to the query. */
  public static final class LateInteractionFieldType extends MappedFieldType {
    private final Codebook codebook;

    LateInteractionFieldType(String name, Codebook codebook, Map<String, String> meta) {
      super(name, false, false, false, TextSearchInfo.NONE, meta);
      this.codebook = codebook;
    }

    public Codebook codebook() {
      return codebook;
    }

    @Override
    public String typeName() {
      return CONTENT_TYPE;
    }

    @Override
    public ValueFetcher valueFetcher(QueryShardContext context, SearchLookup lookup, String format) {
      return SourceValueFetcher.identity(name(), context, format);
    }

    @Override
    public Query termQuery(Object value, QueryShardContext context) {
      throw new IllegalArgumentException("field [" + name() + "] of type [" + CONTENT_TYPE
          + "] cannot be searched by value; use the [" + LateInteractionQueryBuilder.NAME + "] query");
    }
  }

  private final String codebookSha;
  private final Codebooks codebooks;

  private LateInteractionFieldMapper(String simpleName, LateInteractionFieldType type, String codebookSha,
      Codebooks codebooks, MultiFields multiFields, CopyTo copyTo) {
    super(simpleName, type, multiFields, copyTo);
    this.codebookSha = codebookSha;
    this.codebooks = codebooks;
  }

  @Override
  public LateInteractionFieldType fieldType() {
    return (LateInteractionFieldType) super.fieldType();
  }

  @Override
  public ParametrizedFieldMapper.Builder getMergeBuilder() {
    return new Builder(simpleName(), codebooks).init(this);
  }

  @Override
  public boolean parsesArrayValue() {
    return true; // the value is an array of arrays, handed to us whole
  }

  @Override
  protected void parseCreateField(ParseContext context) throws IOException {
    XContentParser parser = context.parser();
    if (parser.currentToken() == XContentParser.Token.VALUE_NULL) {
      return;
    }
    if (context.doc().getField(LatteIndexFormat.FIELD_TOKENS) != null) {
      throw new IllegalArgumentException("a document carries at most one [" + CONTENT_TYPE + "] value");
    }
    float[][] vectors = readVectors(parser, name());
    // Checks each row's dimension against the codebook and every value for finiteness.
    context.doc().addAll(LateInteractionTokensField.create(vectors, fieldType().codebook()));
  }

  /** Reads {@code [[f, f, …], …]}: the parser is on the outer array's start. */
  static float[][] readVectors(XContentParser parser, String field) throws IOException {
    if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
      throw new IllegalArgumentException(
          "[" + field + "] takes token vectors as an array of arrays of numbers, e.g. [[0.1, 0.2], [0.3, 0.4]]");
    }
    List<float[]> rows = new ArrayList<>();
    while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
      if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
        throw new IllegalArgumentException("[" + field + "] token " + rows.size() + " is not an array of numbers");
      }
      float[] row = new float[16];
      int n = 0;
      while (parser.nextToken() != XContentParser.Token.END_ARRAY) {
        if (parser.currentToken() != XContentParser.Token.VALUE_NUMBER) {
          throw new IllegalArgumentException("[" + field + "] token " + rows.size() + " holds a non-number at " + n);
        }
        if (n == row.length) {
          row = java.util.Arrays.copyOf(row, n * 2);
        }
        row[n++] = parser.floatValue();
      }
      rows.add(java.util.Arrays.copyOf(row, n));
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("[" + field + "] needs at least one token vector");
    }
    return rows.toArray(float[][]::new);
  }

  @Override
  protected String contentType() {
    return CONTENT_TYPE;
  }

  /** The parser of the mapping's {@code "type": "late_interaction"}. */
  static Mapper.TypeParser typeParser(Codebooks codebooks) {
    return new TypeParser((name, context) -> {
      // latte's Lucene fields have fixed names: a second late_interaction field would share them.
      if (context.mapperService() != null) {
        for (MappedFieldType t : context.mapperService().fieldTypes()) {
          if (t instanceof LateInteractionFieldType && !t.name().equals(name) && !t.name().endsWith("." + name)) {
            throw new IllegalArgumentException("field [" + name + "]: index already has the [" + CONTENT_TYPE
                + "] field [" + t.name() + "], and an index holds at most one");
          }
        }
      }
      return new Builder(name, codebooks);
    });
  }
}

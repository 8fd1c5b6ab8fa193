package io.latte.opensearch;

import io.latte.indexer.codebook.Codebook;
import io.latte.indexer.format.LateInteractionTokensField;
import io.latte.indexer.format.LatteIndexFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Base64;
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
 * <p>The value may also be one string: the vectors as base64 of little-endian float32, row-major
 * (token by token), of the codebook's input dimension — what numpy's {@code
 * vecs.astype("<f4").tobytes()} gives. Bulk loads of many documents are then about half the size of
 * JSON numbers and need no number parsing, and the floats arrive bit for bit.
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
    float[][] vectors = parser.currentToken() == XContentParser.Token.VALUE_STRING
        ? decodeBase64(parser.text(), fieldType().codebook().inputDim(), name())
        : readVectors(parser, name());
    // Checks each row's dimension against the codebook and every value for finiteness.
    context.doc().addAll(LateInteractionTokensField.create(vectors, fieldType().codebook()));
  }

  /**
   * Decodes the base64 form: little-endian float32, {@code dim} per token, token by token.
   *
   * @throws IllegalArgumentException when the text is not base64 or its length is not a whole
   *     number of tokens (the REST layer answers 400)
   */
  static float[][] decodeBase64(String text, int dim, String field) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("[" + field + "] as a string must be base64 of little-endian float32 values: "
          + e.getMessage());
    }
    int rowBytes = dim * Float.BYTES;
    if (bytes.length == 0 || bytes.length % rowBytes != 0) {
      throw new IllegalArgumentException("[" + field + "] base64 holds " + bytes.length + " bytes, not a whole number of"
          + " token vectors of " + dim + " dimensions (" + rowBytes + " bytes each)");
    }
    FloatBuffer floats = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    float[][] rows = new float[bytes.length / rowBytes][dim];
    for (float[] row : rows) {
      floats.get(row);
    }
    return rows;
  }

  /** Reads {@code [[f, f, …], …]}: the parser is on the outer array's start. */
  static float[][] readVectors(XContentParser parser, String field) throws IOException {
    if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
      throw new IllegalArgumentException(
          "[" + field + "] takes token vectors as an array of arrays of numbers, e.g. [[0.1, 0.2], [0.3, 0.4]]"
              + " (a document's field also takes them as one base64 string of little-endian float32)");
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

package io.latte.opensearch;

import io.latte.opensearch.LateInteractionFieldMapper.LateInteractionFieldType;
import io.latte.searcher.SearchParams;
import io.latte.searcher.lucene.ColbertQuery;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.opensearch.core.ParseField;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * The {@code late_interaction} query:
 *
 * <pre>{"late_interaction": {"vectors": [[…], …], "mode": "colbert", "k": 10, "nprobe": 16,
 *                        "k_prime": 250, "candidates": 200, "field": "vectors", "filter": {…}}}</pre>
 *
 * <p>On each shard it runs latte's token retrieval over the shard's documents that match {@code
 * filter} and re-scores the candidates by exact MaxSim, keeping the shard's best {@code k}: {@code
 * colbert} re-scores {@code max(k, candidates)} candidates ({@code latte search --mode colbert});
 * {@code xtr} re-scores only token retrieval's own top {@code k} (cheaper, less recall). Exact MaxSim
 * depends on nothing but the query and the document, so the shards' scores compare and the
 * coordinating node's merge is the index-wide ranking. (XTR's imputed scores depend on the shard's
 * other documents, which is why they are not what is returned.) The result combines with other
 * clauses in {@code bool}; deleted documents never match.
 *
 * <p>The candidates themselves are approximate and depend on the shard: token retrieval keeps each
 * query token's {@code k_prime} best tokens of the shard, so a shard, holding fewer tokens than the
 * whole index, keeps tokens a single index would have pruned. With a selective filter that can put
 * a different (by exact MaxSim, better) document in the top 10; a large {@code k_prime} removes the
 * difference.
 */
public final class LateInteractionQueryBuilder extends AbstractQueryBuilder<LateInteractionQueryBuilder> {
  public static final String NAME = "late_interaction";

  private static final ParseField VECTORS = new ParseField("vectors");
  private static final ParseField MODE = new ParseField("mode");
  private static final ParseField K = new ParseField("k");
  private static final ParseField NPROBE = new ParseField("nprobe");
  private static final ParseField K_PRIME = new ParseField("k_prime");
  private static final ParseField CANDIDATES = new ParseField("candidates");
  private static final ParseField FIELD = new ParseField("field");
  private static final ParseField FILTER = new ParseField("filter");

  /** How a shard chooses the candidates it re-scores. */
  public enum Mode {
    XTR, COLBERT;

    static Mode parse(String s) {
      for (Mode m : values()) {
        if (m.name().equalsIgnoreCase(s)) {
          return m;
        }
      }
      throw new IllegalArgumentException("[" + NAME + "] unknown mode [" + s + "]: use xtr or colbert");
    }

    String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final float[][] vectors;
  private final Mode mode;
  private final int k;
  private final Integer nprobe;
  private final Integer kPrime;
  private final Integer candidates;
  private final String field;
  private final QueryBuilder filter;

  /**
   * @param nprobe clusters probed per query token, or null for latte's default
   * @param kPrime token retrieval's k' (tokens kept per query token), or null for latte's default
   * @param candidates documents {@code colbert} re-scores per shard, or null for latte's default
   * @param field the {@code late_interaction} field, or null for the index's only one
   * @param filter documents eligible, or null
   * @throws IllegalArgumentException on invalid values (the REST layer answers 400)
   */
  public LateInteractionQueryBuilder(float[][] vectors, Mode mode, int k, Integer nprobe, Integer kPrime,
      Integer candidates, String field, QueryBuilder filter) {
    this.vectors = checkVectors(vectors);
    this.mode = Objects.requireNonNull(mode, "mode");
    this.k = k;
    this.nprobe = nprobe;
    this.kPrime = kPrime;
    this.candidates = candidates;
    this.field = field;
    this.filter = filter;
    params(); // validates k, nprobe and candidates now, before any shard sees the query
  }

  public LateInteractionQueryBuilder(StreamInput in) throws IOException {
    super(in);
    int rows = in.readVInt();
    float[][] v = new float[rows][];
    for (int i = 0; i < rows; i++) {
      v[i] = in.readFloatArray();
    }
    this.vectors = v;
    this.mode = in.readEnum(Mode.class);
    this.k = in.readVInt();
    this.nprobe = in.readOptionalVInt();
    this.kPrime = in.readOptionalVInt();
    this.candidates = in.readOptionalVInt();
    this.field = in.readOptionalString();
    this.filter = in.readOptionalNamedWriteable(QueryBuilder.class);
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeVInt(vectors.length);
    for (float[] row : vectors) {
      out.writeFloatArray(row);
    }
    out.writeEnum(mode);
    out.writeVInt(k);
    out.writeOptionalVInt(nprobe);
    out.writeOptionalVInt(kPrime);
    out.writeOptionalVInt(candidates);
    out.writeOptionalString(field);
    out.writeOptionalNamedWriteable(filter);
  }

  private SearchParams params() {
    SearchParams p = SearchParams.defaults().withK(k);
    if (nprobe != null) {
      p = p.withNprobe(nprobe);
    }
    if (kPrime != null) {
      p = p.withKPrime(kPrime);
    }
    // xtr: token retrieval's own top k is what gets re-scored.
    return mode == Mode.XTR ? p.withCandidates(k) : candidates == null ? p : p.withCandidates(candidates);
  }

  /** Query tokens accepted: bounds a request's per-shard tables (a ColBERT query has 32). */
  public static final int MAX_QUERY_TOKENS = 1024;

  private static float[][] checkVectors(float[][] vectors) {
    if (vectors == null || vectors.length == 0) {
      throw new IllegalArgumentException("[" + NAME + "] needs [vectors]: the query's token vectors, [[…], …]");
    }
    if (vectors.length > MAX_QUERY_TOKENS) {
      throw new IllegalArgumentException("[" + NAME + "] has " + vectors.length + " query token vectors; at most "
          + MAX_QUERY_TOKENS + " are accepted");
    }
    int dim = vectors[0].length;
    for (int t = 0; t < vectors.length; t++) {
      if (vectors[t].length != dim || dim == 0) {
        throw new IllegalArgumentException("[" + NAME + "] query token " + t + " has " + vectors[t].length
            + " dimensions but token 0 has " + dim);
      }
      for (float f : vectors[t]) {
        if (!Float.isFinite(f)) {
          throw new IllegalArgumentException("[" + NAME + "] query token " + t + " has a non-finite value " + f);
        }
      }
    }
    return vectors;
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.startArray(VECTORS.getPreferredName());
    for (float[] row : vectors) {
      builder.value(row);
    }
    builder.endArray();
    builder.field(MODE.getPreferredName(), mode.jsonName());
    builder.field(K.getPreferredName(), k);
    if (nprobe != null) {
      builder.field(NPROBE.getPreferredName(), nprobe);
    }
    if (kPrime != null) {
      builder.field(K_PRIME.getPreferredName(), kPrime);
    }
    if (candidates != null) {
      builder.field(CANDIDATES.getPreferredName(), candidates);
    }
    if (field != null) {
      builder.field(FIELD.getPreferredName(), field);
    }
    if (filter != null) {
      builder.field(FILTER.getPreferredName(), filter);
    }
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Parses the query's JSON object (the parser is on its start). */
  public static LateInteractionQueryBuilder fromXContent(XContentParser parser) throws IOException {
    float[][] vectors = null;
    Mode mode = Mode.COLBERT;
    int k = SearchParams.DEFAULT_K;
    Integer nprobe = null;
    Integer kPrime = null;
    Integer candidates = null;
    String field = null;
    QueryBuilder filter = null;
    float boost = DEFAULT_BOOST;
    String queryName = null;
    String current = null;
    XContentParser.Token token;
    try {
      while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
        if (token == XContentParser.Token.FIELD_NAME) {
          current = parser.currentName();
        } else if (VECTORS.match(current, parser.getDeprecationHandler())) {
          vectors = LateInteractionFieldMapper.readVectors(parser, NAME + "." + VECTORS.getPreferredName());
        } else if (FILTER.match(current, parser.getDeprecationHandler())) {
          filter = parseInnerQueryBuilder(parser);
        } else if (token.isValue()) {
          if (MODE.match(current, parser.getDeprecationHandler())) {
            mode = Mode.parse(parser.text());
          } else if (K.match(current, parser.getDeprecationHandler())) {
            k = parser.intValue();
          } else if (NPROBE.match(current, parser.getDeprecationHandler())) {
            nprobe = parser.intValue();
          } else if (K_PRIME.match(current, parser.getDeprecationHandler())) {
            kPrime = parser.intValue();
          } else if (CANDIDATES.match(current, parser.getDeprecationHandler())) {
            candidates = parser.intValue();
          } else if (FIELD.match(current, parser.getDeprecationHandler())) {
            field = parser.text();
          } else if (BOOST_FIELD.match(current, parser.getDeprecationHandler())) {
            boost = parser.floatValue();
          } else if (NAME_FIELD.match(current, parser.getDeprecationHandler())) {
            queryName = parser.text();
          } else {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown field [" + current + "]");
          }
        } else {
          throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unexpected " + token + " in [" + current + "]");
        }
      }
      LateInteractionQueryBuilder b = new LateInteractionQueryBuilder(vectors, mode, k, nprobe, kPrime, candidates, field, filter);
      b.boost(boost);
      b.queryName(queryName);
      return b;
    } catch (IllegalArgumentException e) {
      throw new ParsingException(parser.getTokenLocation(), e.getMessage(), e);
    }
  }

  @Override
  protected Query doToQuery(QueryShardContext context) throws IOException {
    LateInteractionFieldType type = fieldType(context);
    Query filterQuery = filter == null ? null : filter.toQuery(context);
    // Validates the vectors' dimension against the codebook (400 on mismatch).
    return new ColbertQuery(vectors, type.codebook(), k, filterQuery, params());
  }

  private LateInteractionFieldType fieldType(QueryShardContext context) {
    if (field != null) {
      MappedFieldType t = context.fieldMapper(field);
      if (t instanceof LateInteractionFieldType li) {
        return li;
      }
      throw new IllegalArgumentException("[" + NAME + "] field [" + field + "] is "
          + (t == null ? "not mapped" : "of type [" + t.typeName() + "]") + ", not [" + LateInteractionFieldMapper.CONTENT_TYPE
          + "]");
    }
    for (MappedFieldType t : context.getMapperService().fieldTypes()) {
      if (t instanceof LateInteractionFieldType li) {
        return li;
      }
    }
    throw new IllegalArgumentException("[" + NAME + "] index [" + context.index().getName() + "] has no ["
        + LateInteractionFieldMapper.CONTENT_TYPE + "] field");
  }

  @Override
  protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
    if (filter == null) {
      return this;
    }
    QueryBuilder rewritten = filter.rewrite(context);
    return rewritten == filter ? this
        : new LateInteractionQueryBuilder(vectors, mode, k, nprobe, kPrime, candidates, field, rewritten)
            .boost(boost).queryName(queryName);
  }

  @Override
  protected boolean doEquals(LateInteractionQueryBuilder o) {
    return k == o.k && mode == o.mode && Objects.equals(nprobe, o.nprobe) && Objects.equals(kPrime, o.kPrime)
        && Objects.equals(candidates, o.candidates)
        && Objects.equals(field, o.field) && Objects.equals(filter, o.filter) && Arrays.deepEquals(vectors, o.vectors);
  }

  @Override
  protected int doHashCode() {
    return Objects.hash(k, mode, nprobe, kPrime, candidates, field, filter, Arrays.deepHashCode(vectors));
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}

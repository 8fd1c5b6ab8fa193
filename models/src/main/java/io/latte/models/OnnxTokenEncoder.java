package io.latte.models;

import ai.onnxruntime.OrtEnvironment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TokenEncoder}: wires {@link InputBuilder} (one per role), {@link EncoderSession} and
 * {@link OutputAssembler} (one per role) and does the length-sorted batching.
 */
final class OnnxTokenEncoder implements TokenEncoder {

  private static final Logger LOG = LoggerFactory.getLogger(OnnxTokenEncoder.class);

  private final ModelInfo info;
  private final ModelSpec spec;
  private final int batchSize;
  private final InputBuilder queries;
  private final InputBuilder documents;
  private final OutputAssembler queryOutput;
  private final OutputAssembler documentOutput;
  private final EncoderSession session;
  private volatile boolean closed;

  OnnxTokenEncoder(ModelLocation location, EncoderOptions options) {
    long t0 = System.nanoTime();
    String source = location.describe();
    this.spec = location.spec();
    this.batchSize = options.batchSize();

    // Cheap checks first (tokenizer, vocabulary lookups) so a bad spec fails before the model loads.
    byte[] tokenizerJson = location.tokenizerBytes();
    Vocabulary vocab = Vocabulary.parse(tokenizerJson, source);
    InputBuilder.InsertedToken mask = spec.queryAugmentation()
        ? inserted(vocab, spec.maskToken(), "maskToken") : null;
    Set<Long> skipIds = new HashSet<>();
    for (String token : spec.skiplist()) {
      skipIds.add((long) vocab.require(token, "skiplist entry"));
    }
    this.queryOutput = new OutputAssembler(
        spec.pooling(), spec.normalize(), spec.keepSpecialTokens(), Set.of());
    this.documentOutput = new OutputAssembler(
        spec.pooling(), spec.normalize(), spec.keepSpecialTokens(), skipIds);

    List<AutoCloseable> opened = new ArrayList<>();
    try {
      this.queries = new InputBuilder(tokenizerJson, spec.queryPrefix(),
          spec.queryMarker() == null ? null : inserted(vocab, spec.queryMarker(), "queryMarker"),
          mask, spec.effectiveQueryMaxLength(options),
          options.maxQueryTokens() == EncoderOptions.FROM_MODEL && spec.queryMaxLength() != null ? "queryMaxLength" : "maxQueryTokens", source);
      opened.add(queries);
      this.documents = new InputBuilder(tokenizerJson, spec.documentPrefix(),
          spec.documentMarker() == null ? null
              : inserted(vocab, spec.documentMarker(), "documentMarker"),
          null, spec.effectiveDocumentMaxLength(options),
          options.maxDocumentTokens() == EncoderOptions.FROM_MODEL && spec.documentMaxLength() != null ? "documentMaxLength" : "maxDocumentTokens", source);
      opened.add(documents);

      byte[] onnx = location.onnxBytes();
      String checksum = sha256(onnx);
      this.session = new EncoderSession(
          OrtEnvironment.getEnvironment(), onnx, spec, options.threads(), source);
      opened.add(session);
      if (session.dimIsDynamic()) {
        session.run(List.of(documents.build(""))); // checks dim now rather than on first use
      }
      this.info = new ModelInfo(spec.name(), spec.dim(), checksum,
          "onnxruntime-" + OrtEnvironment.getEnvironment().getVersion());
    } catch (RuntimeException e) {
      for (AutoCloseable c : opened.reversed()) {
        try {
          c.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    LOG.info("Opened {} from {} in {} ms: dim {}, pooling {}, query/document max length {}/{},"
            + " {} threads, batch {}, sha256 {}",
        spec.name(), source, (System.nanoTime() - t0) / 1_000_000, spec.dim(),
        spec.pooling().jsonName(), queries.maxLength(), documents.maxLength(), options.threads(),
        batchSize, info.checksum());
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  /** The spec this encoder runs. */
  ModelSpec spec() {
    return spec;
  }

  /** Model input for a query, exactly as it is fed; for golden token-id tests. */
  ModelInput queryInput(String text) {
    return queries.build(requireQuery(text));
  }

  /** Model input for a document, exactly as it is fed; for golden token-id tests. */
  ModelInput documentInput(String text) {
    return documents.build(text);
  }

  @Override
  public EncodedText encodeQuery(String text) {
    ensureOpen();
    ModelInput input = queryInput(text);
    EncoderSession.BatchStates out = session.run(List.of(input));
    return queryOutput.assemble(input, out.states(), out.rowOffset(0), out.dim());
  }

  @Override
  public List<EncodedText> encodeDocuments(List<String> texts) {
    if (texts == null) {
      throw new IllegalArgumentException("texts must not be null");
    }
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null) {
        throw new IllegalArgumentException("texts[" + i + "] is null");
      }
    }
    ensureOpen();
    if (texts.isEmpty()) {
      return List.of();
    }
    List<ModelInput> inputs = documents.buildAll(texts);
    // Sorting by length keeps padding (wasted, super-linear compute) small within each batch.
    int[] order = IntStream.range(0, inputs.size()).boxed()
        .sorted(Comparator.comparingInt(i -> inputs.get(i).length()))
        .mapToInt(Integer::intValue).toArray();
    EncodedText[] results = new EncodedText[inputs.size()];
    for (int from = 0; from < order.length; from += batchSize) {
      int[] rows = Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
      List<ModelInput> batch = Arrays.stream(rows).mapToObj(inputs::get).toList();
      EncoderSession.BatchStates out = session.run(batch);
      for (int r = 0; r < rows.length; r++) {
        results[rows[r]] = documentOutput.assemble(batch.get(r), out.states(), out.rowOffset(r), out.dim());
      }
    }
    return List.of(results);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    session.close();
    documents.close();
    queries.close();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Encoder " + info.name() + " is closed");
    }
  }

  private static String requireQuery(String text) {
    if (text == null) {
      throw new IllegalArgumentException("query text must not be null");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("query text must not be empty or blank, got \"" + text + "\"");
    }
    return text;
  }

  private static InputBuilder.InsertedToken inserted(Vocabulary vocab, String token, String field) {
    return new InputBuilder.InsertedToken(vocab.require(token, field), token);
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

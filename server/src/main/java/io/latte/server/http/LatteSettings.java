package io.latte.server.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;

/**
 * The server's own settings ({@code latte.*}; {@code latte serve} sets them from its options).
 *
 * @param index the index directory; created empty when missing
 * @param model embedded model name or model directory; default: the index's model, or {@code
 *     bge-small-en-v15-q} for a new index
 * @param apiKey when set, writes need {@code Authorization: Bearer <key>} or {@code X-API-Key:
 *     <key>}; reads stay open
 * @param maxQueryChars longest accepted query text, in characters (default 1000)
 * @param maxBatchDocuments most documents per upsert request (default 256)
 * @param encoderThreads ONNX Runtime threads per encoding call (default: all cores)
 */
@ConfigurationProperties("latte")
public record LatteSettings(
    @NotNull Path index,
    @Nullable String model,
    @Nullable String apiKey,
    @Bindable(defaultValue = "1000") @Min(1) int maxQueryChars,
    @Bindable(defaultValue = "256") @Min(1) int maxBatchDocuments,
    @Bindable(defaultValue = "0") @Min(0) int encoderThreads) {

  /** Whether writes need the API key. */
  public boolean writesNeedKey() {
    return apiKey != null && !apiKey.isEmpty();
  }
}

package io.latte.opensearch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.codec.CodecServiceFactory;
import org.opensearch.index.mapper.Mapper;
import org.opensearch.plugins.EnginePlugin;
import org.opensearch.plugins.MapperPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;

/**
 * latte's OpenSearch plugin: the {@code late_interaction} field and query, the {@value
 * LatteSettings#CODEBOOK_KEY} index setting and, on indices that set it, latte's codec.
 */
public final class LattePlugin extends Plugin implements MapperPlugin, SearchPlugin, EnginePlugin {
  private final Codebooks codebooks;

  /** OpenSearch passes the node's settings and config folder. */
  public LattePlugin(Settings settings, Path configPath) {
    this.codebooks = new Codebooks(configPath.resolve("latte"));
  }

  @Override
  public List<Setting<?>> getSettings() {
    return List.of(LatteSettings.CODEBOOK);
  }

  @Override
  public Map<String, Mapper.TypeParser> getMappers() {
    return Map.of(LateInteractionFieldMapper.CONTENT_TYPE, LateInteractionFieldMapper.typeParser(codebooks));
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(new QuerySpec<>(LateInteractionQueryBuilder.NAME, LateInteractionQueryBuilder::new,
        LateInteractionQueryBuilder::fromXContent));
  }

  @Override
  public Optional<CodecServiceFactory> getCustomCodecServiceFactory(IndexSettings indexSettings) {
    return LatteSettings.CODEBOOK.exists(indexSettings.getSettings())
        ? Optional.of(LatteCodecService::new) : Optional.empty();
  }
}

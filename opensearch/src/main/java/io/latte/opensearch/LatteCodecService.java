package io.latte.opensearch;

import org.apache.lucene.codecs.Codec;
import org.opensearch.index.codec.CodecService;
import org.opensearch.index.codec.CodecServiceConfig;

/**
 * The codecs of an index with a latte codebook: whichever codec the index chose ({@code
 * index.codec}), with latte's token field written by {@link LatteOpenSearchCodec}.
 */
final class LatteCodecService extends CodecService {
  LatteCodecService(CodecServiceConfig config) {
    super(config.getMapperService(), config.getIndexSettings(), config.getLogger(), config.getAdditionalCodecs());
  }

  @Override
  public Codec codec(String name) {
    return new LatteOpenSearchCodec(super.codec(name));
  }
}

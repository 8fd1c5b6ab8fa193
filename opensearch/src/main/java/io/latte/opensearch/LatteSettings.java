package io.latte.opensearch;

import org.opensearch.common.settings.Setting;

/** The plugin's index settings. */
public final class LatteSettings {
  public static final String CODEBOOK_KEY = "index.latte.codebook";

  /**
   * The index's codebook: a file name in each node's {@code config/latte/} folder. Final: documents
   * already compressed with one codebook cannot be searched with another. Setting it also installs
   * latte's codec on the index.
   */
  public static final Setting<String> CODEBOOK =
      Setting.simpleString(CODEBOOK_KEY, Setting.Property.IndexScope, Setting.Property.Final);

  private LatteSettings() {}
}

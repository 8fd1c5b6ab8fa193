package io.latte.searcher;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link OracleTest}'s every test on an index built with {@code --no-token-scale}: codes without a
 * scale byte, decoded as {@code centroid + residual}, and xtr's scan without scaling; every mode must
 * still equal the oracle over the decoded vectors.
 */
class NoTokenScaleOracleTest extends OracleTest {
  @BeforeAll
  static void build() throws Exception {
    buildIndex(false);
  }
}

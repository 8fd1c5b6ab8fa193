package io.latte.searcher;

import org.junit.jupiter.api.BeforeAll;

/**
 * {@link OracleTest}'s every test on an index whose codebook decodes to unit length: exact and
 * colbert decode scaled vectors, and xtr's scan scales each token's table similarity by its
 * decoded length, so every mode must still equal the oracle over the decoded vectors.
 */
class UnitLengthOracleTest extends OracleTest {
  @BeforeAll
  static void build() throws Exception {
    buildIndex(true);
  }
}

package io.latte.eval.beir;

/** Turns checked JSONL lines into corpus and query records; every failure names file and line. */
final class BeirRecords {
  private BeirRecords() {}

  static BeirDocument document(JsonLine line) {
    return new BeirDocument(
        id(line),
        line.optionalString("title"),
        line.requiredString("text"),
        line.optionalObject("metadata", JsonLinesReader.MAPPER));
  }

  static BeirQuery query(JsonLine line) {
    return new BeirQuery(id(line), line.requiredString("text"));
  }

  private static String id(JsonLine line) {
    String id = line.requiredString("_id");
    if (id.isEmpty()) {
      throw line.error("\"_id\" is empty");
    }
    return id;
  }
}

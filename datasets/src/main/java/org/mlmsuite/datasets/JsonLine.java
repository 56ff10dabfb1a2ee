package org.mlmsuite.datasets;

import com.fasterxml.jackson.databind.JsonNode;

/** One object of a JSON-lines file with its origin (the line is the record number). */
public record JsonLine(JsonNode value, Origin origin) {
  /** The string {@code field}; a bad record if it is missing, not a string, or blank. */
  public String text(String field) {
    JsonNode node = value.get(field);
    if (node == null || node.isNull()) {
      throw BadRecordException.of(origin, "field '" + field + "' is missing (fields: " + fieldNames() + ")");
    }
    if (!node.isTextual() && !node.isNumber()) {
      throw BadRecordException.of(origin, "field '" + field + "' is not a string but " + node.getNodeType());
    }
    String text = node.asText();
    if (text.isBlank()) {
      throw BadRecordException.of(origin, "field '" + field + "' is empty");
    }
    return text;
  }

  private String fieldNames() {
    StringBuilder names = new StringBuilder();
    value.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
    return names.toString();
  }
}

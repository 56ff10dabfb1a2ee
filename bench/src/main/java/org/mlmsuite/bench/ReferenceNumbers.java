package org.mlmsuite.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Published results on the mirror's sets (resource {@code references.json}, each with its
 * source), shown beside our measurements as reference rows and never mixed into them.
 */
@JsonIgnoreProperties({"comment"})
record ReferenceNumbers(List<Entry> references) {
  /** @param key the task run's {@code reference} key; @param value on the scale of our metric */
  record Entry(String key, String system, String metric, double value, String source) {}

  static ReferenceNumbers load() {
    try (InputStream in = ReferenceNumbers.class.getResourceAsStream("references.json")) {
      return new ObjectMapper().readValue(in, ReferenceNumbers.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read references.json", e);
    }
  }

  List<Entry> forKey(String key) {
    return key == null ? List.of() : references.stream().filter(e -> e.key().equals(key)).toList();
  }
}

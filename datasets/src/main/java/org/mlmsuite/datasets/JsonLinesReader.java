package org.mlmsuite.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a JSON-lines file (one JSON object per line; Jackson). Blank lines are ignored; a line
 * that is not a complete JSON object (e.g. truncated) is a bad record.
 */
public final class JsonLinesReader extends AbstractRecordReader<JsonLine> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Utf8LineReader lines;

  private JsonLinesReader(Utf8LineReader lines, BadRowPolicy policy) {
    super(policy);
    this.lines = lines;
  }

  public static JsonLinesReader open(Path file, BadRowPolicy policy) throws IOException {
    return new JsonLinesReader(Utf8LineReader.open(file), policy);
  }

  @Override
  JsonLine readRecord() throws IOException {
    String line;
    do {
      line = lines.readLine();
    } while (line != null && line.isBlank());
    if (line == null) {
      return null;
    }
    Origin origin = new Origin(lines.file(), lines.lineNumber());
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw BadRecordException.of(origin, "invalid JSON: " + e.getOriginalMessage());
    }
    if (!node.isObject()) {
      throw BadRecordException.of(origin, "expected a JSON object, found " + node.getNodeType());
    }
    return new JsonLine(node, origin);
  }

  @Override
  void closeInput() throws IOException {
    lines.close();
  }
}

package org.mlmsuite.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** report.json: every number of the report, with its provenance, readable back into a {@link Report}. */
public final class JsonReportFormat {
  /** Bumped when the layout of report.json changes incompatibly. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private JsonReportFormat() {}

  record Document(int formatVersion, Report report) {}

  public static String render(Report report) {
    try {
      return MAPPER.writeValueAsString(new Document(FORMAT_VERSION, report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("report '" + report.title() + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a report.json written by {@link ReportWriter}; the model config comes back as maps and lists. */
  public static Report read(Path file) {
    try {
      Document doc = MAPPER.readValue(file.toFile(), Document.class);
      return doc.report();
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(file + ": not a report.json (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.mlmsuite.summarization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * {@code mlm summarize run}: summarizes a stream of JSON lines, each an object with the document in
 * a named field (dialogues contain newlines, so plain lines would not do), into one JSON line
 * {@code {"summary": ...}} per input, in order, keeping an {@code "id"} field if present. A blank
 * line in gives a blank line out, so the output stays line-aligned with the input. Documents are
 * summarized in batches of {@value #BATCH}, and the output is flushed after each batch.
 */
public final class JsonLinesSummarizer {
  public static final String DEFAULT_DOCUMENT_FIELD = "document";
  private static final int BATCH = 16;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SummaryDecoding.Chosen decoding;
  private final String documentField;

  /**
   * @param decoding changes to the model's defaults; one of the other mode's is an error
   * @param documentField the JSON field holding the document (DialogSum files say {@code dialogue})
   */
  public JsonLinesSummarizer(Summarizer summarizer, SummaryDecoding decoding, String documentField) {
    this.decoding = decoding.choose(summarizer);
    this.documentField = documentField;
  }

  /**
   * Reads {@code in} to its end, writing to {@code out}.
   *
   * @param inputName names the input in errors: {@code stdin:3: not a JSON object (...)}
   */
  public void summarize(BufferedReader in, String inputName, Writer out) throws IOException {
    List<JsonNode> pending = new ArrayList<>();
    String line;
    long n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      // null stands for a blank line: a blank line out keeps the output line-aligned with the input
      pending.add(line.isBlank() ? null : document(line, inputName + ":" + n));
      if (pending.stream().filter(Objects::nonNull).count() == BATCH) {
        flush(pending, out);
      }
    }
    flush(pending, out);
  }

  /** The parsed line, checked to hold a non-blank document. */
  private JsonNode document(String line, String where) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": not a JSON object (" + e.getOriginalMessage() + ")");
    }
    JsonNode doc = node == null ? null : node.get(documentField);
    if (doc == null || !doc.isTextual() || doc.asText().isBlank()) {
      throw new IllegalArgumentException(where + ": field '" + documentField + "' is missing, empty or not a string");
    }
    return node;
  }

  /** Summarizes the pending documents in one batch and writes a line for each entry (blank for null). */
  private void flush(List<JsonNode> pending, Writer out) throws IOException {
    List<String> documents = pending.stream().filter(Objects::nonNull)
        .map(node -> node.get(documentField).asText()).toList();
    List<String> summaries = documents.isEmpty() ? List.of() : decoding.summarizeAll(documents);
    Iterator<String> next = summaries.iterator();
    for (JsonNode node : pending) {
      if (node != null) {
        var result = JSON.createObjectNode();
        if (node.has("id")) {
          result.set("id", node.get("id"));
        }
        result.put("summary", next.next());
        out.write(JSON.writeValueAsString(result));
      }
      out.write(System.lineSeparator());
    }
    out.flush();
    pending.clear();
  }
}

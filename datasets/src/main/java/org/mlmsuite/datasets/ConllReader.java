package org.mlmsuite.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a CoNLL column file as sentences: one token per line with whitespace-separated
 * columns (token first, tag last), a blank line between sentences, and {@code -DOCSTART-} lines
 * between documents (skipped). Every token line must have as many columns as the file's first;
 * a sentence with a ragged line is a bad record as a whole.
 */
public final class ConllReader extends AbstractRecordReader<NerSentence> {
  private static final String DOCUMENT_START = "-DOCSTART-";

  private final Utf8LineReader lines;
  private int width = -1;
  private boolean atDocumentStart = true;

  private ConllReader(Utf8LineReader lines, BadRowPolicy policy) {
    super(policy);
    this.lines = lines;
  }

  public static ConllReader open(Path file, BadRowPolicy policy) throws IOException {
    return new ConllReader(Utf8LineReader.open(file), policy);
  }

  @Override
  NerSentence readRecord() throws IOException {
    List<List<String>> columns = new ArrayList<>();
    boolean nextStartsDocument = false;
    Origin start = null;
    BadRecordException problem = null;
    String line;
    while ((line = lines.readLine()) != null) {
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        if (start != null) {
          break;
        }
        continue;
      }
      if (stripped.startsWith(DOCUMENT_START)) {
        if (start != null) {
          nextStartsDocument = true;
          break; // a document start without a blank line before it still ends the sentence
        }
        atDocumentStart = true;
        continue;
      }
      Origin here = new Origin(lines.file(), lines.lineNumber());
      if (start == null) {
        start = here;
      }
      List<String> fields = splitOnWhitespace(stripped);
      if (width < 0) {
        if (fields.size() < 2) {
          throw BadRecordException.fatal(here, "expected at least 2 columns (token and tag), found 1: '" + stripped + "'");
        }
        width = fields.size();
      }
      if (fields.size() != width) {
        // Keep reading to the end of the sentence so a skip resumes at the next one.
        if (problem == null) {
          problem = BadRecordException.of(here, "expected " + width + " columns (as on the file's first token line), found "
              + fields.size() + ": '" + stripped + "'");
        }
        continue;
      }
      while (columns.size() < width) {
        columns.add(new ArrayList<>());
      }
      for (int c = 0; c < width; c++) {
        columns.get(c).add(fields.get(c));
      }
    }
    boolean documentStart = atDocumentStart;
    atDocumentStart = nextStartsDocument;
    if (problem != null) {
      throw problem;
    }
    if (start == null) {
      return null;
    }
    return new NerSentence(columns.get(0), columns.get(width - 1), columns, documentStart, start);
  }

  private static List<String> splitOnWhitespace(String line) {
    List<String> fields = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean space = i == line.length() || Character.isWhitespace(line.charAt(i));
      if (space && start >= 0) {
        fields.add(line.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return fields;
  }

  @Override
  void closeInput() throws IOException {
    lines.close();
  }
}

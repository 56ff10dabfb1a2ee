package org.mlmsuite.backbone.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Reads CoNLL-2003 NER files into OpenNLP {@link NameSample}s: one token per line with
 * space- or tab-separated columns (token POS chunk NER, or any layout with the token first and
 * the NER tag last), a blank line between sentences and {@code -DOCSTART-} lines between
 * documents. The first sentence of each document clears the name finder's adaptive data.
 *
 * <p>Tags may be IOB1 or IOB2; both decode with one rule: {@code B-X} always starts an entity,
 * {@code I-X} continues the open entity if it has type X and otherwise starts one (IOB1 uses
 * {@code I-} for starts and {@code B-} only between adjacent entities of the same type).
 *
 * <p>Kept small and private to NER training on purpose; a general CoNLL reader lives in the
 * datasets module.
 */
final class ConllNameSamples {
  private static final String DOCSTART = "-DOCSTART-";

  private ConllNameSamples() {}

  static List<NameSample> read(Path file) throws IOException {
    List<NameSample> samples = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    boolean newDocument = true;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      int sentenceStartLine = 1;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith(DOCSTART)) {
          if (!tokens.isEmpty()) {
            samples.add(toSample(tokens, tags, newDocument, file, sentenceStartLine));
            newDocument = false;
            tokens.clear();
            tags.clear();
          }
          if (trimmed.startsWith(DOCSTART)) {
            newDocument = true;
          }
          continue;
        }
        String[] columns = trimmed.split("[ \t]+");
        if (columns.length < 2) {
          throw new IllegalArgumentException(file + ":" + lineNumber
              + ": expected at least 2 columns (token ... NER tag), found 1: '" + trimmed + "'");
        }
        String tag = columns[columns.length - 1];
        if (!isTag(tag)) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": NER tag '" + tag
              + "' is not O, B-TYPE or I-TYPE");
        }
        if (tokens.isEmpty()) {
          sentenceStartLine = lineNumber;
        }
        tokens.add(columns[0]);
        tags.add(tag);
      }
      if (!tokens.isEmpty()) {
        samples.add(toSample(tokens, tags, newDocument, file, sentenceStartLine));
      }
    }
    return samples;
  }

  private static boolean isTag(String tag) {
    return tag.equals("O")
        || ((tag.startsWith("B-") || tag.startsWith("I-")) && tag.length() > 2);
  }

  private static NameSample toSample(
      List<String> tokens, List<String> tags, boolean clearAdaptiveData, Path file, int line) {
    return new NameSample(
        file.getFileName() + ":" + line, tokens.toArray(String[]::new),
        spansFromIob(tags).toArray(Span[]::new), null, clearAdaptiveData);
  }

  /** Entity token spans {@code [start, end)} typed by the tag suffix, from IOB1 or IOB2 tags. */
  static List<Span> spansFromIob(List<String> tags) {
    List<Span> spans = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      boolean continues = tag.startsWith("I-") && tag.substring(2).equals(type);
      if (continues) {
        continue;
      }
      if (type != null) {
        spans.add(new Span(start, i, type));
        type = null;
      }
      if (!tag.equals("O")) {
        start = i;
        type = tag.substring(2);
      }
    }
    if (type != null) {
      spans.add(new Span(start, tags.size(), type));
    }
    return spans;
  }
}

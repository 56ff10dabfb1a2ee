package org.mlmsuite.backbone.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How often each word occurs in a corpus, after BERT normalization and pre-tokenization (the
 * first step of {@link WordPieceTrainer}). Special tokens written in the corpus are not treated
 * specially here, as in Hugging Face's trainer.
 */
public final class WordFrequencies {
  private final BertWordSplitter splitter;
  private final BertWordSplitter.WordBuffer buffer = new BertWordSplitter.WordBuffer();
  private final Map<String, long[]> counts = new HashMap<>();
  private long totalWords;
  private final BertWordSplitter.WordSink sink = (cps, starts, ends, n) -> {
    counts.computeIfAbsent(new String(cps, 0, n), k -> new long[1])[0]++;
    totalWords++;
  };

  /** @param lowercase normalize as BERT uncased (true) or cased (false) */
  public WordFrequencies(boolean lowercase) {
    this.splitter = new BertWordSplitter(lowercase);
  }

  /** Counts the words of one text. */
  public void add(String text) {
    splitter.split(text, 0, text.length(), buffer, sink);
  }

  /** Counts the words of every line of a UTF-8 text file; returns the number of characters read. */
  public long addFile(Path file) {
    long chars = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        add(line);
        chars += line.length() + 1;
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IllegalArgumentException(file + ": not valid UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return chars;
  }

  /** Distinct words with their counts (a live view; do not modify). */
  Map<String, long[]> counts() {
    return counts;
  }

  public int distinctWords() {
    return counts.size();
  }

  public long totalWords() {
    return totalWords;
  }

  public long count(String word) {
    long[] c = counts.get(word);
    return c == null ? 0 : c[0];
  }
}
